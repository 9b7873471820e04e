import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { makeBatch, makeEvent, npsEvent } from '../test/fixtures'
import { countRows, postBatch, readJson, resetDatabase, testApp } from '../test/harness'
import type { Database } from './database'

// A person asks for their data to be erased (GDPR art. 17): the README's SQL is what an operator
// runs, so it must take every row of theirs, and their scores, and leave everybody else's.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const erasure = [...readme.matchAll(/```sql\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? '')
  .find((sql) => /delete from events/i.test(sql))

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

describe.each(backends)("the README's erasure on $name", (backend) => {
  let db: Database
  beforeAll(async () => {
    db = await backend.open()
  }, 60_000)
  afterAll(() => db?.close())

  it.each([
    ['user id', "'u_42'", "'id'"],
    ['anonymous id', "'a_42'", "'anonymousId'"],
  ])('erases one person by their %s, scores included', async (_, value, field) => {
    expect(erasure).toBeDefined()
    await resetDatabase(db)
    const app = testApp(db, { limits: { burst: 100 } })
    const events = [...person('u_42', 'a_42', 0), ...person('u_7', 'a_7', 10)]
    const reply = await readJson(await postBatch(app, makeBatch(events)))
    expect(reply.rejected).toEqual([])
    const sql = (erasure ?? '')
      .replaceAll("'pk_live_…'", "'pk_test'")
      .replaceAll("'u_42'", value)
      .replaceAll("'id'", field)
    await db.exec(sql)
    expect({
      events: await countRows(db, 'events'),
      responses: await countRows(db, 'responses'),
    }).toEqual({ events: 2, responses: 1 })
    const stored = JSON.stringify(await db.query('select payload, context from events'))
    expect(stored).not.toContain('u_42')
    const res = await app.request('/v1/stats/nps-q4?key=pk_test', {
      headers: { authorization: 'Bearer rk_test_0123456789abcdef' },
    })
    expect((await readJson(res)).counts).toMatchObject({ responses: 1, answered: 1 })
  })
})
