import { randomUUID } from 'node:crypto'
import type { SondeEvent, UsageContext } from '@sonde/core'
import { describe, expect, it } from 'vitest'
import type { Database } from '../db/database'
import { foldRollups } from '../db/foldRollups'
import { backends } from '../test/backends'
import { makeBatch, makeEvent } from '../test/fixtures'
import { postBatch, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'
import { type Grouping, histogramsFor } from './histogramsFor'
import { listSurveys } from './listSurveys'
import { loadCounts } from './loadCounts'
import { loadHistograms } from './loadHistograms'
import { loadRolledCounts, rolledUpSegments } from './loadRollups'
import type { Scope } from './scope'
import type { MetricSpec } from './scoreHistogram'
import { segmentFor, segmentSql } from './segmentExpression'

// A seeded generator: every run replays the same traffic.
function createRandom(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const random = createRandom(7)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
const maybe = <T>(value: T): T | undefined => (random() < 0.8 ? value : undefined)

function context(): UsageContext {
  return {
    ...(random() < 0.9 ? { page: { path: pick(['/a', '/b', '/c']) } } : {}),
    locale: maybe(pick(['en', 'fr'])),
    device: maybe(pick(['desktop', 'mobile'] as const)),
    user: { known: maybe(random() < 0.5), traits: { plan: maybe(pick(['free', 'pro', 3])) } },
    app: { version: maybe(pick(['1.0', '1.1'])) },
  }
}

// 2026-11-01 … 2026-11-12 at any time of day, so answers change days as well as scores.
const time = () => new Date(Date.UTC(2026, 10, 1) + random() * 12 * 86_400_000).toISOString()

/** One response's events: shown, answered (maybe twice, changing the score), then an end. */
function responseEvents(): SondeEvent[] {
  const responseId = randomUUID()
  const csat = random() < 0.3
  const answer = (seq: number, type: SondeEvent['type']): SondeEvent => {
    const score = csat ? 1 + Math.floor(random() * 5) : Math.floor(random() * 11)
    const bucket = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor'
    return makeEvent({
      type,
      seq,
      at: time(),
      responseId,
      surveyId: csat ? 'csat-ticket' : 'nps-q4',
      answers: [{ questionId: csat ? 'csat' : 'score', value: score }],
      // CSAT is scored from the config, NPS from the metric the SDK sends.
      metric: csat ? undefined : { kind: 'nps', score, bucket },
      context: context(),
    })
  }
  const plain = (seq: number, type: SondeEvent['type']) =>
    makeEvent({ type, seq, at: time(), responseId, answers: [], metric: undefined })
  const events = [plain(0, 'survey.shown')]
  if (random() < 0.2) return [...events, plain(1, 'survey.dismissed')]
  events.push(answer(1, 'survey.answered'))
  if (random() < 0.4) events.push(answer(2, 'survey.answered'))
  events.push(random() < 0.7 ? answer(3, 'survey.completed') : plain(3, 'survey.dismissed'))
  return events
}

function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j] as T, items[i] as T]
  }
  return items
}

const metrics: Array<[string, MetricSpec]> = [
  ['nps-q4', { kind: 'nps', scale: 10 }],
  ['csat-ticket', { kind: 'csat', scale: 5 }],
]
const ranges = [{}, { from: '2026-11-03T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' }]
const groupings: Grouping[] = [
  { by: 'all' },
  { by: 'period', interval: 'day' },
  { by: 'period', interval: 'week' },
  ...[...rolledUpSegments].map((name) => ({ by: 'segment' as const, segment: segmentFor(name)! })),
]

// What the responses say, counted row by row: the reference the rollups must match.
function fromResponses(db: Database, scope: Scope, metric: MetricSpec, grouping: Grouping) {
  if (grouping.by === 'all') return loadHistograms(db, scope, metric)
  if (grouping.by === 'segment') {
    return loadHistograms(db, scope, metric, (p) => segmentSql(grouping.segment, p))
  }
  return loadHistograms(
    db,
    scope,
    metric,
    (p) =>
      `to_char(date_trunc(${p.add(grouping.interval)}, r.answered_at at time zone 'UTC'),
        'YYYY-MM-DD')`,
  )
}

// The survey list, counted from the responses. The latest event time is a running maximum in
// the rollup, which deletions leave as is: compared only when nothing was deleted.
async function expectSurveyListMatches(db: Database, withLastAt: boolean) {
  await foldRollups(db)
  const rows = await db.query<Record<string, unknown>>(
    `select survey_id as "surveyId", max(metric_kind) as kind, count(*)::int as responses,
       count(answered_at)::int as answered, max(last_at) as "lastAt", false as configured
     from responses where project = 'pk_test' group by survey_id order by survey_id`,
  )
  const listed = await listSurveys(db, 'pk_test', undefined)
  expect(listed.map(({ lastAt, ...rest }) => (withLastAt ? { ...rest, lastAt } : rest))).toEqual(
    rows.map(({ lastAt, ...rest }) =>
      withLastAt ? { ...rest, lastAt: new Date(lastAt as string).toISOString() } : rest,
    ),
  )
}

async function expectRollupsMatchResponses(db: Database) {
  await foldRollups(db)
  for (const [surveyId, metric] of metrics) {
    for (const range of ranges) {
      const scope = { project: 'pk_test', surveyId, ...range }
      expect(await loadRolledCounts(db, scope)).toEqual(await loadCounts(db, scope))
      for (const grouping of groupings) {
        const rolled = [...(await histogramsFor(db, scope, metric, grouping))]
        expect(rolled, `${surveyId} ${JSON.stringify(grouping)}`).toEqual([
          ...(await fromResponses(db, scope, metric, grouping)),
        ])
      }
    }
  }
}

describe.each(backends)('daily rollups on $name', (backend) => {
  const db = suiteDatabase(backend, 'once')

  it('count exactly what the responses hold, whatever the order and concurrency', async () => {
    const events = shuffled(Array.from({ length: 60 }, responseEvents).flat())
    const batches: SondeEvent[][] = []
    for (let i = 0; i < events.length; ) {
      const size = 1 + Math.floor(random() * 8)
      batches.push(events.slice(i, i + size))
      i += size
    }
    // Some batches twice, as retries; several in flight at once, as from many tabs, with folds
    // running among them (the app's own, in the background, and explicit ones).
    const posts = shuffled([...batches, ...batches.filter(() => random() < 0.2)])
    const app = testApp(db, { limits: { burst: 10_000 } })
    for (let i = 0; i < posts.length; i += 6) {
      const replies = await Promise.all([
        ...posts.slice(i, i + 6).map((batch) => postBatch(app, makeBatch(batch))),
        ...(i % 24 === 0 ? [foldRollups(db), foldRollups(db, false)] : []),
      ])
      const statuses = replies.flatMap((res) => (res instanceof Response ? [res.status] : []))
      expect(statuses).toEqual(statuses.map(() => 200))
    }
    await expectRollupsMatchResponses(db)
    await expectSurveyListMatches(db, true)
  }, 60_000)

  // An app's pages name their records (/reports/1042): keyed by the raw path, the rollups would
  // grow by a row per response instead of a few per page.
  it('keep a few rows per page for paths that name records', async () => {
    await db.exec('truncate responses')
    const events = Array.from({ length: 300 }, (_, i) =>
      makeEvent({
        type: 'survey.completed',
        at: '2026-11-03T10:00:00.000Z',
        responseId: randomUUID(),
        surveyId: 'nps-paths',
        answers: [{ questionId: 'score', value: i % 11 }],
        metric: {
          kind: 'nps',
          score: i % 11,
          bucket: i % 11 >= 9 ? 'promoter' : i % 11 >= 7 ? 'passive' : 'detractor',
        },
        context: { page: { path: `/reports/${1000 + i}/edit` } },
      }),
    )
    const app = testApp(db, { limits: { burst: 10_000 } })
    for (let i = 0; i < events.length; i += 50) {
      expect((await postBatch(app, makeBatch(events.slice(i, i + 50)))).status).toBe(200)
    }
    await foldRollups(db)
    const rows = await db.query<{ value: string; n: number }>(
      `select value, count(*)::int as n from score_rollup
         where survey_id = 'nps-paths' and segment = 'path' group by value`,
    )
    expect(rows).toEqual([{ value: '/reports/:id/edit', n: 11 }])
  })

  it('follow updates and deletions made in SQL, and a truncation', async () => {
    await db.query(`update responses set device = 'tablet', score = 5 where response_id in (
      select response_id from responses where score is not null order by response_id limit 5)`)
    await db.query(`delete from responses where response_id in (
      select response_id from responses order by response_id desc limit 10)`)
    await expectRollupsMatchResponses(db)
    await expectSurveyListMatches(db, false)
    await db.exec('truncate responses')
    const [left] = await db.query<{ n: number }>(
      `select (select count(*) from score_rollup) + (select count(*) from status_rollup)
         + (select count(*) from rollup_changes) + (select count(*) from survey_totals) as n`,
    )
    expect(Number(left?.n)).toBe(0)
  })
})
