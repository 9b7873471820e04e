import type { SondeEvent } from '@sonde/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Database } from '../db/database'
import { deleteProjectData, erasePerson } from '../db/erasure'
import { foldRollups } from '../db/foldRollups'
import { backends } from '../test/backends'
import { makeBatch, makeEvent } from '../test/fixtures'
import { postBatch, readJson, resetDatabase, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'
import { listSurveys } from './listSurveys'

// The list of surveys reads each survey's totals, which the fold keeps. What it must give is
// what summing the status rollup gave before them, the query below, whatever was ingested
// (twice, out of order), deleted and folded in between.
const summedRollup = `
  select s.survey_id, (select metric_kind from score_rollup r
      where r.project = s.project and r.survey_id = s.survey_id and segment = '' and n > 0
      order by day desc, metric_kind desc limit 1) as kind,
    sum(n)::int as responses, coalesce(sum(n) filter (where answered), 0)::int as answered,
    max(last_at) filter (where n > 0) as last_at
  from status_rollup s where project = $1
  group by s.project, s.survey_id having sum(n) > 0 order by s.survey_id`

async function fromSummedRollup(db: Database) {
  const rows = await db.query<{
    survey_id: string
    kind: string | null
    responses: number
    answered: number
    last_at: Date | null
  }>(summedRollup, ['pk_test'])
  return rows.map((row) => ({
    surveyId: row.survey_id,
    kind: row.kind,
    responses: row.responses,
    answered: row.answered,
    lastAt: row.last_at ? new Date(row.last_at).toISOString() : null,
    configured: false,
  }))
}

const surveys = ['nps-q4', 'nps-b', 'nps-c']
const users = ['u_1', 'u_2', 'u_3']
const day = (n: number) => Date.UTC(2026, 10, 1) + n * 86_400_000

// A few responses of a few surveys and people over five days, so that events update, move and
// empty each other's rollup rows.
const eventArb = fc.record({
  response: fc.integer({ min: 0, max: 7 }),
  type: fc.constantFrom('survey.shown', 'survey.answered', 'survey.completed', 'survey.dismissed'),
  seq: fc.integer({ min: 0, max: 3 }),
  at: fc.integer({ min: day(0), max: day(5) - 1 }),
  score: fc.integer({ min: 0, max: 10 }),
  user: fc.constantFrom(...users),
})

type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never

function toEvent(e: Generated<typeof eventArb>): SondeEvent {
  const answered = e.type === 'survey.answered' || e.type === 'survey.completed'
  const bucket = e.score >= 9 ? 'promoter' : e.score >= 7 ? 'passive' : 'detractor'
  return makeEvent({
    type: e.type as SondeEvent['type'],
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    responseId: `r-${e.response}`,
    surveyId: surveys[e.response % surveys.length],
    answers: answered ? [{ questionId: 'score', value: e.score }] : [],
    metric: answered ? { kind: 'nps', score: e.score, bucket } : undefined,
    context: { device: 'desktop', user: { id: e.user, known: true } },
  })
}

const operationArb = fc.oneof(
  fc.record({
    op: fc.constant('batch' as const),
    events: fc.array(eventArb, { minLength: 1, maxLength: 6 }),
    again: fc.boolean(),
  }),
  fc.record({ op: fc.constant('fold' as const) }),
  fc.record({ op: fc.constant('survey' as const), surveyId: fc.constantFrom(...surveys) }),
  fc.record({ op: fc.constant('before' as const), at: fc.integer({ min: day(0), max: day(5) }) }),
  fc.record({ op: fc.constant('person' as const), user: fc.constantFrom(...users) }),
)

describe.each(backends)("each survey's totals on $name", (backend) => {
  const db = suiteDatabase(backend, 'never')

  async function run(operations: Array<Generated<typeof operationArb>>) {
    await resetDatabase(db)
    const app = testApp(db, { limits: { burst: 10_000 } })
    for (const operation of operations) {
      if (operation.op === 'batch') {
        const batch = makeBatch(operation.events.map(toEvent))
        // Sent again as a retry is: the same event ids, stored once.
        for (const _ of operation.again ? [1, 2] : [1]) {
          expect((await readJson(await postBatch(app, batch))).rejected).toEqual([])
        }
      } else if (operation.op === 'fold') await foldRollups(db)
      else if (operation.op === 'survey') {
        await deleteProjectData(db, { project: 'pk_test', surveyId: operation.surveyId })
      } else if (operation.op === 'before') {
        await deleteProjectData(db, {
          project: 'pk_test',
          before: new Date(operation.at).toISOString(),
        })
      } else await erasePerson(db, { project: 'pk_test', by: 'id', value: operation.user })
    }
    await foldRollups(db)
    expect(await listSurveys(db, 'pk_test', undefined)).toEqual(await fromSummedRollup(db))
  }

  it('list what summing the status rollup lists, through ingest, retries and deletions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operationArb, { minLength: 1, maxLength: 12 }), run),
      { numRuns: 100 },
    )
  }, 120_000)

  it('go back to the latest response left when the latest one is erased', async () => {
    const answer = (response: number, at: number, user: string) =>
      toEvent({ response, type: 'survey.completed', seq: 1, at, score: 9, user })
    await resetDatabase(db)
    const app = testApp(db)
    await postBatch(app, makeBatch([answer(0, day(1), 'u_1'), answer(3, day(3), 'u_2')]))
    await foldRollups(db)
    await erasePerson(db, { project: 'pk_test', by: 'id', value: 'u_2' })
    await foldRollups(db)
    const [survey] = await listSurveys(db, 'pk_test', undefined)
    expect(survey).toMatchObject({ responses: 1, lastAt: new Date(day(1)).toISOString() })
    expect(await listSurveys(db, 'pk_test', undefined)).toEqual(await fromSummedRollup(db))
  })
})
