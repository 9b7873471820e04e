import type { Queryable } from '../db/database'
import type { DailyAllowance } from './createDailyAllowance'

/** Whose new responses a batch starts, and how many a day it may. */
export interface ResponseStarts {
  allowance: DailyAllowance
  /** The client network that sent the batch (see `clientNetwork`). */
  network: string
  /** The responses refused lately, so that each is counted once. */
  counted: CountedRefusals
}

/** Which refused responses are counted already. */
export interface CountedRefusals {
  /** Whether the project's response is refused for the first time (of those remembered). */
  first(project: string, responseId: string): boolean
}

/**
 * Remembers the last `max` responses refused: the SDK sends a response's events as they happen,
 * so one refused comes back in the next batches (its answers, its completion), refused again,
 * and is counted once. Kept in memory per replica, the oldest forgotten first.
 */
export function createCountedRefusals(max = 50_000): CountedRefusals {
  const seen = new Set<string>()
  return {
    first(project, responseId) {
      const key = `${project}\n${responseId}`
      if (seen.has(key)) return false
      for (const oldest of seen) {
        if (seen.size < max) break
        seen.delete(oldest)
      }
      seen.add(key)
      return true
    },
  }
}

/** What {@link admitResponses} decided for a batch. */
export interface Admission {
  /** The batch's new responses past the network's allowance, whose events are refused. */
  refused: Set<string>
  /** Taken from the allowance: give back what the batch did not create (see `settle`). */
  settle(created: number): void
}

/**
 * Takes the batch's responses from its client network's allowance of new responses for the
 * project today (`limits.responsesPerNetworkPerDay`): the write key is public, and each
 * response counts in its survey's score, so one network could otherwise stuff the ballot at
 * 250 responses a second. Every response of the batch is taken first, so that batches sent at
 * once are counted at once; when they do not all fit, only those not stored yet are new, which
 * one query tells, and those past the allowance are refused. Once stored, what was taken and
 * not created (a response that was not new after all, a batch that failed) is given back.
 */
export async function admitResponses(
  db: Queryable,
  project: string,
  responseIds: readonly string[],
  starts: ResponseStarts,
): Promise<Admission> {
  const { allowance, network } = starts
  const ids = [...new Set(responseIds)]
  let taken = allowance.take(project, network, ids.length)
  let day = allowance.day
  const refused = new Set<string>()
  if (taken < ids.length) {
    allowance.giveBack(project, network, taken, day)
    const stored = await db.query<{ id: string }>(
      `select response_id as id from responses where project = $1 and response_id = any($2::text[])`,
      [project, ids],
    )
    const known = new Set(stored.map((row) => row.id))
    const fresh = ids.filter((id) => !known.has(id))
    taken = allowance.take(project, network, fresh.length)
    day = allowance.day
    for (const id of fresh.slice(taken)) refused.add(id)
  }
  return {
    refused,
    settle: (created) => allowance.giveBack(project, network, taken - created, day),
  }
}

/** Adds the responses refused of each survey (their ids) to its count of the day (UTC). */
export async function countRefused(
  db: Queryable,
  project: string,
  surveys: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<void> {
  if (surveys.size === 0) return
  await db.query(
    `insert into refused_responses as r (project, survey_id, day, n)
     select $1, survey_id, (now() at time zone 'UTC')::date, n
     from jsonb_to_recordset($2::jsonb) as x(survey_id text, n bigint)
     on conflict (project, survey_id, day) do update set n = r.n + excluded.n`,
    [project, JSON.stringify([...surveys].map(([survey_id, ids]) => ({ survey_id, n: ids.size })))],
  )
}
