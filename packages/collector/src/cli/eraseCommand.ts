import { deleteProjectData, erasePerson } from '../db/erasure'
import { assertStoredData, openStorage } from './openStorage'
import { definedOnly, type EraseCommandOptions } from './options'

/**
 * Erases one person's events and responses (a data subject's request), or a survey's, or those
 * older than a time (retention), or all the project's, on PostgreSQL or on the embedded database, whose data directory
 * is locked while the server runs: stop it first.
 */
export async function eraseCommand(options: EraseCommandOptions): Promise<void> {
  assertStoredData(options)
  const db = await openStorage(options)
  try {
    const { project, person, surveyId, before, all } = options
    const erased = person
      ? await erasePerson(db, { project, ...person })
      : await deleteProjectData(db, { project, ...definedOnly({ surveyId, before, all }) })
    const what = person
      ? `${person.by === 'id' ? 'user id' : 'anonymous id'} ${JSON.stringify(person.value)}`
      : all
        ? 'all its data'
        : [
            surveyId === undefined ? 'every survey' : `survey ${JSON.stringify(surveyId)}`,
            before === undefined ? '' : ` before ${before}`,
          ].join('')
    const who = `${what} in ${project}`
    // Nothing found is said as such: an id mistyped must not read as a request carried out.
    console.error(
      erased.events === 0 && erased.responses === 0
        ? `[sonde-collector] no events of ${who}: nothing erased`
        : `[sonde-collector] erased ${erased.events} events and ${erased.responses} responses of ${who}`,
    )
  } finally {
    await db.close()
  }
}
