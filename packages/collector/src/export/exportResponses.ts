import type { Queryable } from '../db/database'
import { createParams } from '../stats/params'
import { csvRow } from './csv'

/** Which responses to export, and how. */
export interface ExportOptions {
  format: 'csv' | 'ndjson'
  project?: string
  surveyId?: string
  /** Inclusive start of the answer time (of the latest event when never answered), ISO. */
  from?: string
  /** Exclusive end of that time, ISO. */
  to?: string
  /** Most rows fetched per query; memory stays flat whatever the table size. */
  pageSize?: number
  /**
   * Most bytes of answers and context fetched per query (one row more when a single row is
   * larger): one context can be most of a 1 MiB batch, so 1,000 rows could hold a gigabyte.
   */
  pageBytes?: number
}

interface Row {
  project: string
  response_id: string
  survey_id: string
  survey_version: number | null
  status: string
  seq: number
  answered_at: Date | null
  last_at: Date
  metric_kind: string | null
  score: number | null
  scale: number | null
  bucket: string | null
  locale: string | null
  device: string | null
  path: string | null
  app_version: string | null
  plan: string | null
  known: boolean | null
  answers: Array<{ questionId: string; value: unknown; other?: string }>
  context: unknown
  /** The answers and context of this row and every earlier row of its page, in bytes of JSON. */
  running: number | string
}

const defaultPageSize = 1000
const defaultPageBytes = 8_000_000

const fixedColumns = [
  'project',
  'survey_id',
  'survey_version',
  'response_id',
  'status',
  'seq',
  'answered_at',
  'last_at',
  'metric_kind',
  'score',
  'scale',
  'bucket',
  'locale',
  'device',
  'path',
  'app_version',
  'plan',
  'known',
] as const

/**
 * Writes responses as CSV (one column `answer.<question>` per question, multiple choices joined
 * with `|`, `other` texts in `answer.<question>.other` for the questions that have any, each name
 * once) or as
 * NDJSON (one response per line, with its answers and context). Pages through the table by key,
 * so it streams millions of rows in constant memory. Returns how many responses it wrote.
 */
export async function exportResponses(
  db: Queryable,
  options: ExportOptions,
  write: (chunk: string) => unknown,
): Promise<number> {
  const questions = options.format === 'csv' ? await questionIds(db, options) : []
  if (options.format === 'csv') {
    const answerColumns = questions.flatMap(({ id, other }) =>
      other ? [`answer.${id}`, `answer.${id}.other`] : [`answer.${id}`],
    )
    await write(csvRow(uniqueNames([...fixedColumns, ...answerColumns])))
  }
  let count = 0
  let after: [string, string] = ['', '']
  for (;;) {
    const rows = await loadPage(db, options, after)
    for (const row of rows) {
      await write(options.format === 'csv' ? csvLine(row, questions) : ndjsonLine(row))
    }
    count += rows.length
    const last = rows.at(-1)
    if (!last) return count
    const full = rows.length === (options.pageSize ?? defaultPageSize)
    if (!full && Number(last.running) < (options.pageBytes ?? defaultPageBytes)) return count
    after = [last.project, last.response_id]
  }
}

function filters(options: ExportOptions, params: ReturnType<typeof createParams>): string[] {
  const where: string[] = []
  if (options.project) where.push(`project = ${params.add(options.project)}`)
  if (options.surveyId) where.push(`survey_id = ${params.add(options.surveyId)}`)
  // As the stats count responses: by when they were answered, or, never answered, by their
  // latest event, so a range exports as many rows as the dashboard says it has responses.
  const at = 'coalesce(answered_at, last_at)'
  if (options.from) where.push(`${at} >= ${params.add(options.from)}::timestamptz`)
  if (options.to) where.push(`${at} < ${params.add(options.to)}::timestamptz`)
  return where
}

/** A question answered in the export, and whether any of its answers has an `other` text. */
interface Question {
  id: string
  other: boolean
}

// An "other" column for every question, NPS scores and ratings included, doubled the columns a
// reader had to look through, half of them empty in every row.
async function questionIds(db: Queryable, options: ExportOptions): Promise<Question[]> {
  const params = createParams()
  const where = ['true', ...filters(options, params)].join(' and ')
  return db.query<Question>(
    `select a->>'questionId' as id, bool_or(a ? 'other') as other
     from responses cross join lateral jsonb_array_elements(answers) a
     where ${where} group by 1 order by 1`,
    params.values,
  )
}

// A page ends at pageSize rows, or with the row that reaches pageBytes.
async function loadPage(db: Queryable, options: ExportOptions, after: [string, string]) {
  const params = createParams()
  const where = [
    `(project, response_id) > (${params.add(after[0])}, ${params.add(after[1])})`,
    ...filters(options, params),
  ]
  return db.query<Row>(
    `select * from (
       select *, sum(size) over (order by project, response_id) as running from (
         select ${fixedColumns.map(selectColumn).join(', ')}, answers, context,
           octet_length(answers::text) + coalesce(octet_length(context::text), 0) as size
         from responses
         where ${where.join(' and ')}
         order by project, response_id limit ${params.add(options.pageSize ?? defaultPageSize)}
       ) rows
     ) page
     where running - size < ${params.add(options.pageBytes ?? defaultPageBytes)}
     order by project, response_id`,
    params.values,
  )
}

function csvLine(row: Row, questions: readonly Question[]): string {
  const answers = new Map(row.answers.map((answer) => [answer.questionId, answer]))
  const fixed = fixedColumns.map((column) => plain(row[column]))
  const byQuestion = questions.flatMap(({ id, other }) => {
    const answer = answers.get(id)
    const value = Array.isArray(answer?.value) ? answer.value.join('|') : answer?.value
    return other ? [value, answer?.other] : [value]
  })
  return csvRow([...fixed, ...byQuestion])
}

function ndjsonLine(row: Row): string {
  const record = Object.fromEntries(
    [...fixedColumns, 'answers', 'context'].map((column) => [
      column,
      plain(row[column as keyof Row]),
    ]),
  )
  return `${JSON.stringify(record)}\n`
}

// A question id may hold a "." as core's do, so question "why.other" would have the name of the
// other texts of question "why", which anyone with the public key can answer and which a reader
// by column name takes for them: a name taken already gets "#2" (or the next number free). The
// question ids come sorted, so "why" and its other texts come first and keep their names.
function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>()
  return names.map((name) => {
    let unique = name
    for (let n = 2; taken.has(unique); n++) unique = `${name}#${n}`
    taken.add(unique)
    return unique
  })
}

// bigint columns come back as strings from pg and as numbers from PGlite: make both numbers.
function selectColumn(column: (typeof fixedColumns)[number]): string {
  return column === 'seq' || column === 'survey_version' ? `${column}::float8 as ${column}` : column
}

// Dates as ISO strings, the same on both drivers.
function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value
}
