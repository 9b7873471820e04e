import { randomUUID } from 'node:crypto'
import { batchReplySchema, parse } from '@sonde/core'
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../db/database'
import { backends } from '../test/backends'
import { makeBatch, makeEvent } from '../test/fixtures'
import { countRows, postBatch, readJson, resetDatabase, testApp } from '../test/harness'

const runs = 120

// Any string at all: lone surrogates, NUL and other control characters included.
const anyText = fc.string({ unit: 'binary', maxLength: 40 })
const anyJson = fc.jsonValue({ maxDepth: 4 })
/** Mostly `valid`, sometimes anything JSON can hold: a batch then fails its schema as a whole. */
// (Unbiased: fast-check otherwise favours the first, "smallest" choices in early runs.)
const sometimes = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc
    .tuple(fc.noBias(fc.integer({ min: 0, max: 39 })), valid, anyJson)
    .map(([dice, value, json]) => (dice === 0 ? json : value))
// Some times before 1970 or with offsets, which the schema accepts and the semantic check may not.
const times = fc
  .date({ min: new Date('1960-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString())

const eventArb = fc
  .record({
    type: sometimes(fc.constantFrom('survey.shown', 'survey.answered', 'survey.completed')),
    at: sometimes(times),
    surveyId: sometimes(fc.constantFrom('nps-q4', 'csat-ticket', 'other')),
    responseId: sometimes(fc.oneof(fc.uuid(), anyText)),
    seq: sometimes(fc.integer({ min: 0, max: 5 })),
    answers: sometimes(
      fc.array(
        fc.record({
          questionId: fc.constantFrom('score', 'csat', 'why'),
          value: fc.oneof(fc.integer({ min: -2, max: 12 }), anyText, fc.array(anyText)),
        }),
        { maxLength: 3 },
      ),
    ),
    metric: fc.option(
      sometimes(
        fc.integer({ min: 0, max: 10 }).map((score) => ({
          kind: 'nps',
          score,
          bucket: score > 8 ? 'promoter' : 'passive',
        })),
      ),
      { nil: undefined },
    ),
    context: sometimes(
      fc.record({ locale: anyText, custom: fc.dictionary(anyText, anyJson, { maxKeys: 3 }) }),
    ),
  })
  .map((fields) => ({ ...makeEvent(), ...fields, id: randomUUID() }))

describe.each(backends)('fuzzed POST /v1/batch on $name', (backend) => {
  let db: Database
  beforeAll(async () => {
    db = await backend.open()
  }, 60_000)
  afterAll(() => db?.close())
  beforeEach(() => resetDatabase(db))

  const seen = { accepted: 0, rejected: 0, refused: 0 }

  // Every reply is a 2xx or 4xx; only a 200 stores anything, and then exactly what it accepted.
  async function check(body: string, contentType = 'text/plain') {
    const app = testApp(db, { limits: { burst: 1_000_000, bodyBytes: 20_000 } })
    const before = await countRows(db, 'events')
    const res = await postBatch(app, body, { 'content-type': contentType })
    expect(res.status).toBeGreaterThanOrEqual(200)
    expect(res.status).toBeLessThan(500)
    const after = await countRows(db, 'events')
    if (res.status !== 200) {
      seen.refused++
      expect(after).toBe(before)
      expect(await readJson(res)).toMatchObject({ error: expect.any(String) })
      return
    }
    const reply = parse(batchReplySchema, await readJson(res))
    if (!reply.ok) throw new Error(JSON.stringify(reply.errors))
    expect(after - before).toBe(reply.value.accepted.length)
    seen.accepted += reply.value.accepted.length
    seen.rejected += reply.value.rejected.length
  }

  it('never fails on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.json()), (body) => check(body)),
      { numRuns: runs },
    )
  })

  it('never fails on arbitrary JSON in place of a batch or of its fields', async () => {
    const envelope = fc.record({
      schema: sometimes(fc.constant('sonde.batch/1')),
      key: sometimes(fc.constantFrom('pk_test', 'pk_open', 'pk_revoked', 'pk_nobody')),
      sentAt: sometimes(fc.constant('2026-11-02T10:00:00Z')),
      dropped: sometimes(fc.nat()),
    })
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, envelope), (fields) =>
        check(
          JSON.stringify(
            typeof fields === 'object' && fields !== null && !Array.isArray(fields)
              ? makeBatch([makeEvent()], fields)
              : fields,
          ),
        ),
      ),
      { numRuns: runs },
    )
  })

  it('stores exactly the accepted events of batches with odd events', async () => {
    Object.assign(seen, { accepted: 0, rejected: 0, refused: 0 })
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { minLength: 1, maxLength: 8 }), (events) =>
        check(JSON.stringify(makeBatch(events)), 'application/json'),
      ),
      { numRuns: runs },
    )
    // The generator really exercises all three outcomes, not just 400s.
    expect(seen.accepted).toBeGreaterThan(20)
    expect(seen.rejected).toBeGreaterThan(10)
    expect(seen.refused).toBeGreaterThan(10)
  })
})
