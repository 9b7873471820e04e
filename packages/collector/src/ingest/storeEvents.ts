import type { SondeEvent } from '@sonde/core'
import type { Database } from '../db/database'
import { mergeResponseRows, type ResponseRow } from './responseRow'

// The batch's events, parsed once: stored as they are, and read again for the context and answers
// of the responses they update (which therefore travel only once).
const incoming = `
  incoming as (
    select x.* from jsonb_to_recordset($1::jsonb) as x(id text, type text, at timestamptz,
      survey_id text, response_id text, seq bigint, payload jsonb, context jsonb)
  )`

const insertEvents = `
  insert into events (id, type, at, project, survey_id, response_id, seq, payload, context)
  select id, type, at, $2, survey_id, response_id, seq, payload, context from incoming
  order by id
  on conflict (project, id) do nothing`

// L: this event is later than the one the row holds; A: its answers are later than the row's.
// Ids compare in the C collation, by UTF-8 bytes, which is code point order: as
// mergeResponseRows compares them (compareCodePoints), so a batch's own ties go the same way.
const later = `(excluded.seq, excluded.event_id collate "C") > (r.seq, r.event_id collate "C")`
const laterAnswers = `(excluded.answers_seq, excluded.answers_event_id collate "C")
  > (r.answers_seq, r.answers_event_id collate "C")`
const latestColumns = [
  'survey_id',
  'survey_version',
  'status',
  'seq',
  'event_id',
  'last_at',
  'context',
  'locale',
  'device',
  'path',
  'app_version',
  'plan',
  'known',
]
const answerColumns = [
  'answers',
  'answers_seq',
  'answers_event_id',
  'answered_at',
  'metric_kind',
  'score',
  'scale',
  'bucket',
]
const choose = (condition: string) => (column: string) =>
  `${column} = case when ${condition} then excluded.${column} else r.${column} end`
// The same answers again (the SDK's dismissal repeats those given so far) are not answered anew:
// they keep the time of the first event that carried them, whichever arrived first. Answers
// changed and changed back (X, Y, X) arriving out of order may keep the first X's time: the row
// does not know of the Y between them.
const sameAnswers = `excluded.answers_event_id <> '' and r.answers_event_id <> ''
  and excluded.answers = r.answers`
const answeredAt = `answered_at = case when ${sameAnswers}
    then least(r.answered_at, excluded.answered_at)
    when ${laterAnswers} then excluded.answered_at else r.answered_at end`

const fromIncoming: Record<string, string> = {
  context: 'latest.context',
  answers: `coalesce(answered.payload->'answers', '[]')`,
}

const upsertResponses = `
  insert into responses as r (project, response_id, ${[...latestColumns, ...answerColumns]})
  select $2, x.response_id,
    ${[...latestColumns, ...answerColumns].map((c) => fromIncoming[c] ?? `x.${c}`)}
  from jsonb_to_recordset($3::jsonb) as x(response_id text, survey_id text, survey_version bigint,
    status text, seq bigint, event_id text, last_at timestamptz, locale text, device text,
    path text, app_version text, plan text, known boolean, answers_seq bigint,
    answers_event_id text, answered_at timestamptz, metric_kind text, score double precision,
    scale double precision, bucket text)
  join incoming latest on latest.id = x.event_id
  left join incoming answered on answered.id = x.answers_event_id
  order by x.response_id
  on conflict (project, response_id) do update set
    ${latestColumns.map(choose(later)).join(',\n    ')},
    ${answerColumns
      .filter((column) => column !== 'answered_at')
      .map(choose(laterAnswers))
      .join(',\n    ')},
    ${answeredAt},
    updated_at = now()
  where ${later} or ${laterAnswers} or (${sameAnswers} and excluded.answered_at < r.answered_at)`

// The batch's `dropped` count, added to its project's count of the day. The sum saturates at
// bigint's top: a batch may claim any safe integer, and an overflowing sum would fail the whole
// statement, refusing the events of every later batch of the day that reported drops.
const addDropped = (project: string, count: string) => `
  insert into dropped_events as d (project, day, n)
  values (${project}, (now() at time zone 'UTC')::date, ${count}::bigint)
  on conflict (project, day) do update
    set n = least(d.n, 9223372036854775807 - excluded.n) + excluded.n`

// One statement per batch, atomic on its own. Every batch runs the same statement, whose parts
// PostgreSQL runs in the same order each time: concurrent batches take their row locks in one
// sequence (responses, events, each in key order, then the rollups under their own lock), so
// they cannot deadlock. The dropped count goes in the same statement, so a batch that fails
// (and is sent again) adds nothing; its row, one per project and day, is only written when a
// batch reports drops, which is rare, and a deadlock over it would be retried by db.query.
const storeBatch = (dropped: string) =>
  `with ${incoming}, stored as (${insertEvents})${dropped} ${upsertResponses}`
const storeEventsOnly = (dropped: string) => `with ${incoming}${dropped} ${insertEvents}`

/** One event to store, with what it says about its response (if anything). */
export interface StoredEvent {
  event: SondeEvent
  response: ResponseRow | null
}

/**
 * Stores events and folds them into their responses, in one statement, and returns how many
 * responses it created (rather than updated). Inserts are idempotent on the project and event
 * id, and the response upsert keeps the latest data whatever the arrival order, so concurrent
 * retries of the same batch leave exactly what one delivery would.
 *
 * @param dropped the batch's count of events lost on the device, added to today's (UTC).
 */
export async function storeEvents(
  db: Database,
  project: string,
  items: readonly StoredEvent[],
  dropped = 0,
): Promise<number> {
  const unique = uniqueItems(items)
  const drops = dropped > 0 ? [dropped] : []
  if (unique.length === 0) {
    if (dropped > 0) await db.query(addDropped('$1', '$2'), [project, dropped])
    return 0
  }
  const events = JSON.stringify(unique.map((item) => eventRecord(item.event)))
  const rows = unique.flatMap((item) => (item.response ? [item.response] : []))
  const responses = mergeByResponse(rows)
  const counted = (count: string) =>
    dropped > 0 ? `, counted as (${addDropped('$2', count)})` : ''
  // One statement is one transaction: no BEGIN and COMMIT round trips.
  if (responses.length === 0) {
    await db.query(storeEventsOnly(counted('$3')), [events, project, ...drops])
    return 0
  }
  const records = JSON.stringify(responses.map(responseRecord))
  // A row inserted has no xmax yet; one updated has the writing transaction's.
  const upserted = await db.query<{ created: boolean }>(
    `${storeBatch(counted('$4'))} returning xmax = 0 as created`,
    [events, project, records, ...drops],
  )
  return upserted.filter((row) => row.created).length
}

// An id sent twice in one batch is the same event: the first one is stored, as when a whole
// batch comes again, and only its response data counts.
function uniqueItems(items: readonly StoredEvent[]): StoredEvent[] {
  const seen = new Set<string>()
  return items.filter((item) => !seen.has(item.event.id) && seen.add(item.event.id))
}

function mergeByResponse(rows: ResponseRow[]): ResponseRow[] {
  const merged = new Map<string, ResponseRow>()
  for (const row of rows) {
    const held = merged.get(row.responseId)
    merged.set(row.responseId, held ? mergeResponseRows(held, row) : row)
  }
  return [...merged.values()]
}

function eventRecord(event: SondeEvent) {
  const { context, ...payload } = event
  return {
    id: event.id,
    type: event.type,
    at: new Date(event.at).toISOString(),
    survey_id: event.surveyId ?? null,
    response_id: event.responseId ?? null,
    seq: event.seq ?? null,
    payload,
    context: context ?? null,
  }
}

function responseRecord(row: ResponseRow) {
  const answered = row.answered
  return {
    response_id: row.responseId,
    survey_id: row.surveyId,
    survey_version: row.surveyVersion,
    status: row.status,
    seq: row.seq,
    event_id: row.eventId,
    last_at: row.lastAt,
    locale: row.locale,
    device: row.device,
    path: row.path,
    app_version: row.appVersion,
    plan: row.plan,
    known: row.known,
    answers_seq: answered?.seq ?? -1,
    answers_event_id: answered?.eventId ?? '',
    answered_at: answered?.at ?? null,
    metric_kind: answered?.metricKind ?? null,
    score: answered?.score ?? null,
    scale: answered?.scale ?? null,
    bucket: answered?.bucket ?? null,
  }
}
