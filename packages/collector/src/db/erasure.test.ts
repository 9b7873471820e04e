import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { makeBatch, makeEvent, npsEvent } from '../test/fixtures'
import { countRows, postBatch, readJson, resetDatabase, testApp } from '../test/harness'
import type { Database } from './database'
import { erasePerson } from './erasure'

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
  let db: Database
  beforeAll(async () => {
    db = await backend.open()
  }, 60_000)
  afterAll(() => db?.close())

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
