import type { Queryable } from '../db/database'
import { mayHoldText } from '../db/textAnswersMigration'
import { createParams } from './params'
import { type Scope, scopeSql } from './scope'

/** One free-text answer with what it helps explain. */
export interface Verbatim {
  responseId: string
  questionId: string
  text: string
  at: string
  /** The response's bucket: promoter/passive/detractor, satisfied/unsatisfied, agree/disagree. */
  bucket: string | null
  score: number | null
  locale: string | null
  device: string | null
}

/** Options for {@link loadVerbatims}. */
export interface VerbatimOptions {
  limit: number
  bucket?: string
  /**
   * The survey's questions that are not free text, from its config: their string answers are
   * option ids. Every other string answer counts, including those to questions of earlier
   * versions that the config no longer lists.
   */
  nonTextQuestionIds?: string[]
}

/**
 * The newest free-text answers of a scope: text question answers and the `other` text of
 * choices, each with its response's bucket, so "why?" can be read per promoter or detractor.
 */
export async function loadVerbatims(
  db: Queryable,
  scope: Scope,
  options: VerbatimOptions,
): Promise<Verbatim[]> {
  if (options.limit === 0) return []
  const params = createParams()
  // Only answered responses have answers. A survey's prompts never answered, often most of its
  // rows, have no time of answering; the index lists them after every time, which is where a
  // newest-first read starts: without this, it went through them all before the first answer.
  const where = [scopeSql(scope, params), 'r.answered_at is not null', mayHoldText]
  if (options.bucket) where.push(`r.bucket = ${params.add(options.bucket)}`)
  const isText = options.nonTextQuestionIds
    ? `a->>'questionId' not in (select jsonb_array_elements_text(${params.add(
        JSON.stringify(options.nonTextQuestionIds),
      )}::jsonb))`
    : 'true'
  const rows = await db.query<{
    response_id: string
    question_id: string
    text: string
    at: Date
    bucket: string | null
    score: number | null
    locale: string | null
    device: string | null
  }>(
    `select * from (
       select r.response_id, a->>'questionId' as question_id,
         case when jsonb_typeof(a->'value') = 'string' and ${isText}
           then a->>'value' else a->>'other' end as text,
         r.answered_at as at, r.bucket, r.score, r.locale, r.device
       from responses r cross join lateral jsonb_array_elements(r.answers) a
       where ${where.join(' and ')}
     ) v
     where v.text is not null and v.text <> ''
     order by v.at desc, v.response_id, v.question_id
     limit ${params.add(options.limit)}`,
    params.values,
  )
  return rows.map((row) => ({
    responseId: row.response_id,
    questionId: row.question_id,
    text: row.text,
    at: new Date(row.at).toISOString(),
    bucket: row.bucket,
    score: row.score === null ? null : Number(row.score),
    locale: row.locale,
    device: row.device,
  }))
}
