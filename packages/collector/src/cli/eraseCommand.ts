import { erasePerson } from '../db/erasure'
import { assertStoredData, openStorage } from './openStorage'
import type { EraseCommandOptions } from './options'

/**
 * Erases one person's events and responses (a data subject's request), on PostgreSQL or on the
 * embedded database, whose data directory is locked while the server runs: stop it first.
 */
export async function eraseCommand(options: EraseCommandOptions): Promise<void> {
  assertStoredData(options)
  const db = await openStorage(options)
  try {
    const { project, by, value } = options
    const erased = await erasePerson(db, { project, by, value })
    const who = `${by === 'id' ? 'user id' : 'anonymous id'} ${JSON.stringify(value)} in ${project}`
    // Nothing found is said as such: an id mistyped must not read as a request carried out.
    console.error(
      erased.events === 0
        ? `[sonde-collector] no events of ${who}: nothing erased`
        : `[sonde-collector] erased ${erased.events} events and ${erased.responses} responses of ${who}`,
    )
  } finally {
    await db.close()
  }
}
