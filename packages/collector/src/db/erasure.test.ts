import { describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { makeBatch, makeEvent, npsEvent } from '../test/fixtures'
import { countRows, postBatch, readJson, resetDatabase, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'
import { deleteProjectData, erasePerson } from './erasure'

// A person asks for their data to be erased (GDPR art. 17): every row of theirs goes, and their
// scores, and everybody else's stay.
const person = (id: string, anonymousId: string, score: number) => {
  const context = { user: { id, anonymousId, known: true, traits: { email: `${id}@example.com` } } }
  const answer = npsEvent(score, { context })
  // A tour step they took, which belongs to no response.
  const { surveyId, surveyVersion, responseId, seq, answers, metric, ...base } = makeEvent({
    context,
  })
  const step = { ...base, type: 'tour.step', tourId: 'welcome', tourVersion: 1, stepId: 'one' }
  return [answer, step]
}

describe.each(backends)('the erasure of a person on $name', (backend) => {
  const db = suiteDatabase(backend, 'never')

  it.each([
    ['user id', 'u_42', 'id'],
    ['anonymous id', 'a_42', 'anonymousId'],
  ] as const)('erases one person by their %s, scores included', async (_, value, by) => {
    await resetDatabase(db)
    const app = testApp(db, { limits: { burst: 100 } })
    const events = [...person('u_42', 'a_42', 0), ...person('u_7', 'a_7', 10)]
    const reply = await readJson(await postBatch(app, makeBatch(events)))
    expect(reply.rejected).toEqual([])
    // Another project's user of the same id is another person.
    const elsewhere = makeBatch(person('u_42', 'a_42', 3), { key: 'pk_open' })
    expect((await postBatch(app, elsewhere)).status).toBe(200)
    await expect(erasePerson(db, { project: 'pk_test', by, value })).resolves.toEqual({
      events: 2,
      responses: 1,
    })
    expect({
      events: await countRows(db, 'events'),
      responses: await countRows(db, 'responses'),
    }).toEqual({ events: 4, responses: 2 })
    const stored = JSON.stringify(
      await db.query(`select context from events where project = 'pk_test'`),
    )
    expect(stored).not.toContain('u_42')
    const res = await app.request('/v1/stats/nps-q4?key=pk_test', {
      headers: { authorization: 'Bearer rk_test_0123456789abcdef' },
    })
    expect((await readJson(res)).counts).toMatchObject({ responses: 1, answered: 1 })
  })
})

// A survey ended, or answered in a test, is deleted; and data older than the retention period,
// whose responses carry the context (user ids, traits) as much as the events do.
describe.each(backends)("the deletion of a survey's or older data on $name", (backend) => {
  const db = suiteDatabase(backend, 'never')

  const stats = async (surveyId: string) => {
    const res = await testApp(db).request(`/v1/stats/${surveyId}?key=pk_test`, {
      headers: { authorization: 'Bearer rk_test_0123456789abcdef' },
    })
    return readJson(res)
  }
  const surveys = async () => {
    const res = await testApp(db).request('/v1/stats?key=pk_test', {
      headers: { authorization: 'Bearer rk_test_0123456789abcdef' },
    })
    return (await readJson(res)).surveys.map((s: { surveyId: string }) => s.surveyId)
  }

  // October's answer, November's, one shown in October and answered in November, a tour step in
  // October, and an answer to a survey the config does not list.
  async function load() {
    await resetDatabase(db)
    const straddling = npsEvent(9, { at: '2026-11-02T10:00:00.000Z', seq: 1 })
    const shown = makeEvent({
      ...straddling,
      id: crypto.randomUUID(),
      type: 'survey.shown',
      seq: 0,
    })
    const { answers, metric, ...shownEvent } = { ...shown, at: '2026-10-31T10:00:00.000Z' }
    const [, step] = person('u_7', 'a_7', 10)
    const events = [
      npsEvent(0, { at: '2026-10-01T10:00:00.000Z' }),
      npsEvent(10, { at: '2026-11-02T10:00:00.000Z' }),
      shownEvent,
      straddling,
      { ...step, at: '2026-10-01T10:00:00.000Z' },
      npsEvent(5, { surveyId: 'ended', at: '2026-11-02T10:00:00.000Z' }),
    ]
    const reply = await readJson(await postBatch(testApp(db), makeBatch(events)))
    expect(reply.rejected).toEqual([])
  }

  it("deletes a survey's responses and events, and its scores", async () => {
    await load()
    expect(await surveys()).toContain('ended')
    await expect(deleteProjectData(db, { project: 'pk_test', surveyId: 'ended' })).resolves.toEqual(
      { events: 1, responses: 1 },
    )
    expect(await surveys()).not.toContain('ended')
    expect((await stats('nps-q4')).counts).toMatchObject({ responses: 3 })
    expect(await countRows(db, 'events')).toBe(5)
  })

  it('deletes what is older than a time, a response with all its events or none', async () => {
    await load()
    const before = '2026-11-01T00:00:00.000Z'
    await expect(deleteProjectData(db, { project: 'pk_test', before })).resolves.toEqual({
      events: 2,
      responses: 1,
    })
    // The response shown in October and answered in November keeps its October event.
    const kept = await db.query<{ type: string }>('select type from events order by at, type')
    expect(kept.map((row) => row.type)).toEqual([
      'survey.shown',
      'survey.completed',
      'survey.completed',
      'survey.completed',
    ])
    const body = await stats('nps-q4')
    expect(body.counts).toMatchObject({ responses: 2, answered: 2 })
    expect(body.score).toMatchObject({ n: 2 })
  })

  it('refuses to delete a whole project unless told to', async () => {
    await expect(deleteProjectData(db, { project: 'pk_test' })).rejects.toThrow('not the whole')
  })

  // The responses refused of a survey (per survey and day) and the events dropped on devices
  // (per day) are counts of its data, shown on the dashboard: erased with what they count.
  const counts = async () => {
    await db.exec(`
      insert into refused_responses (project, survey_id, day, n) values
        ('pk_test', 'ended', '2026-10-01', 1), ('pk_test', 'ended', '2026-11-02', 2),
        ('pk_test', 'nps-q4', '2026-10-01', 3), ('pk_test', 'nps-q4', '2026-11-02', 4),
        ('pk_open', 'ended', '2026-10-01', 5);
      insert into dropped_events (project, day, n) values
        ('pk_test', '2026-10-01', 6), ('pk_test', '2026-11-01', 7), ('pk_open', '2026-10-01', 8)`)
    const left = async () => ({
      refused: (
        await db.query<{ n: number }>('select n::int from refused_responses order by n')
      ).map((row) => row.n),
      dropped: (await db.query<{ n: number }>('select n::int from dropped_events order by n')).map(
        (row) => row.n,
      ),
    })
    return left
  }

  it("erases a survey's refused responses with it", async () => {
    await load()
    const left = await counts()
    await deleteProjectData(db, { project: 'pk_test', surveyId: 'ended' })
    expect(await left()).toEqual({ refused: [3, 4, 5], dropped: [6, 7, 8] })
  })

  it('erases the counts of the days before a time, a day the time is in kept', async () => {
    await load()
    const left = await counts()
    await deleteProjectData(db, { project: 'pk_test', before: '2026-11-01T12:00:00.000Z' })
    expect(await left()).toEqual({ refused: [2, 4, 5], dropped: [7, 8] })
    await deleteProjectData(db, {
      project: 'pk_test',
      surveyId: 'nps-q4',
      before: '2026-11-03T00:00:00.000Z',
    })
    expect(await left()).toEqual({ refused: [2, 5], dropped: [7, 8] })
  })

  it('erases a whole project when told to, and no other', async () => {
    await load()
    const left = await counts()
    await expect(deleteProjectData(db, { project: 'pk_test', all: true })).resolves.toEqual({
      events: 6,
      responses: 4,
    })
    expect(await left()).toEqual({ refused: [5], dropped: [8] })
    expect(await surveys()).not.toContain('ended')
    expect(await countRows(db, 'responses')).toBe(0)
  })

  // Each is counted on the project's row, which every replica reads within its lookup's cache:
  // a collector forgets then which surveys and questions it found stored (createFoundStored).
  it('counts each erasure on its project, whatever it deleted', async () => {
    await load()
    const erasures = async () =>
      db.query<{ key: string; erasures: number }>(
        `select key, erasures from projects where key in ('pk_test', 'pk_open') order by key`,
      )
    await erasePerson(db, { project: 'pk_test', by: 'id', value: 'nobody' })
    await deleteProjectData(db, { project: 'pk_test', surveyId: 'ended' })
    await deleteProjectData(db, { project: 'pk_test', before: '2026-10-15T00:00:00Z' })
    await deleteProjectData(db, { project: 'pk_test', all: true })
    expect(await erasures()).toEqual([
      { key: 'pk_open', erasures: 0 },
      { key: 'pk_test', erasures: 4 },
    ])
  })
})
