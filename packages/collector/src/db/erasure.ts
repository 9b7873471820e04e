import type { Queryable } from './database'

/** Whom to erase: a user id (`context.user.id`) or, never signed in, an anonymous id. */
export interface Person {
  project: string
  by: 'id' | 'anonymousId'
  value: string
}

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
  )
  select (select count(*) from events_gone)::int as events,
    (select count(*) from responses_gone)::int as responses`

/**
 * Erases a person's data (a data subject's request): their events and their responses, their
 * scores with them. Returns how many of each were deleted.
 */
export async function erasePerson(
  db: Queryable,
  person: Person,
): Promise<{ events: number; responses: number }> {
  const [row] = await db.query<{ events: number; responses: number }>(erase, [
    person.project,
    person.by,
    person.value,
  ])
  return row ?? { events: 0, responses: 0 }
}
