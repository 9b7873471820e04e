import type { Queryable } from './database'

/** Whom to erase: a user id (`context.user.id`) or, never signed in, an anonymous id. */
export interface Person {
  project: string
  by: 'id' | 'anonymousId'
  value: string
}

// The end of each statement below: the erasure counted on the project's row, from which every
// replica reads within its lookup's cache (5 s) that what it found stored of the project may be
// gone (see `createFoundStored`), and the counts of what was deleted.
const counted = `erasure_counted as (
    update projects set erasures = erasures + 1 where key = $1 returning 1
  )
  select (select count(*) from events_gone)::int as events,
    (select count(*) from responses_gone)::int as responses`

// A person's events and every response they gave, deleted in one statement: the responses'
// triggers log the change, so the next fold takes their scores out of the rollups too. A response
// goes with all its events, those that carried no user (a prompt shown before they signed in).
const erase = `
  with person as (
    select distinct response_id from events
    where project = $1 and context -> 'user' ->> $2 = $3 and response_id is not null
  ), responses_gone as (
    delete from responses where project = $1
      and response_id in (select response_id from person)
    returning 1
  ), events_gone as (
    delete from events where project = $1 and (context -> 'user' ->> $2 = $3
      or response_id in (select response_id from person))
    returning 1
  ), ${counted}`

/**
 * Erases a person's data (a data subject's request): their events and their responses, their
 * scores with them. Returns how many of each were deleted.
 */
export async function erasePerson(
  db: Queryable,
  person: Person,
): Promise<{ events: number; responses: number }> {
  return deleted(db, erase, [person.project, person.by, person.value])
}

/**
 * What to delete of a project: a survey's data, data older than a time, or both at once; or,
 * with `all`, all of it.
 */
export interface Deletion {
  project: string
  surveyId?: string
  /** ISO time: responses last seen before it, and events before it. */
  before?: string
  /** Neither a survey nor a time: the whole project's data. */
  all?: boolean
}

// A response goes with all its events, and an event of a response that stays, stays (a
// prompt shown before the time of a response answered after it), so the responses and the
// events kept still tell the same story. The counts of what was refused (per survey and UTC day)
// and dropped on devices (per UTC day, no survey) go with the days they count, a day only once
// it is wholly before the time (deleted whether read or not, as every statement of a WITH is).
const deleteData = `
  with responses_gone as (
    delete from responses where project = $1
      and ($2::text is null or survey_id = $2)
      and ($3::timestamptz is null or last_at < $3::timestamptz)
    returning response_id
  ), events_gone as (
    delete from events e where project = $1
      and ($2::text is null or survey_id = $2)
      and ($3::timestamptz is null
        or (e.at < $3::timestamptz and (e.response_id is null or not exists (select 1 from responses r
          where r.project = $1 and r.response_id = e.response_id and r.last_at >= $3::timestamptz)))
        or e.response_id in (select response_id from responses_gone))
    returning 1
  ), refused_gone as (
    delete from refused_responses where project = $1
      and ($2::text is null or survey_id = $2)
      and ($3::timestamptz is null or day < ($3::timestamptz at time zone 'UTC')::date)
    returning 1
  ), dropped_gone as (
    delete from dropped_events where project = $1 and $2::text is null
      and ($3::timestamptz is null or day < ($3::timestamptz at time zone 'UTC')::date)
    returning 1
  ), ${counted}`

/**
 * Deletes a survey's data (one ended, or answered in a test), or the data older than a retention
 * period, or a survey's older than it, or with `all` the whole project's: responses and their
 * events, their scores with them, and the counts of refused and dropped events of those days.
 */
export async function deleteProjectData(
  db: Queryable,
  deletion: Deletion,
): Promise<{ events: number; responses: number }> {
  const whole = deletion.surveyId === undefined && deletion.before === undefined
  if (whole !== (deletion.all === true)) {
    throw new Error(
      whole
        ? 'expected a survey or a time to delete before, not the whole project'
        : 'expected the whole project alone, without a survey or a time',
    )
  }
  return deleted(db, deleteData, [
    deletion.project,
    deletion.surveyId ?? null,
    deletion.before ?? null,
  ])
}

/** Runs one of the statements above, each ending with the counts of what it deleted. */
async function deleted(
  db: Queryable,
  statement: string,
  params: unknown[],
): Promise<{ events: number; responses: number }> {
  const [row] = await db.query<{ events: number; responses: number }>(statement, params)
  return row ?? { events: 0, responses: 0 }
}
