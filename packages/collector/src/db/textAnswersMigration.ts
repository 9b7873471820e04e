import type { Migration } from './migrations'

/**
 * Which responses may hold a verbatim: an answer whose value is text (a text question's, or a
 * choice's option id, which only the config tells apart) or that has an "other" text. The
 * verbatims query repeats it word for word, so the planner uses the index below.
 */
export const mayHoldText = `jsonb_path_exists(answers,
  '$[*] ? (@.value.type() == "string" || exists (@.other))')`

// Like every shipped migration, this one is frozen: change the index with a new migration.
export const textAnswersMigration: Migration = {
  version: 6,
  name: 'responses that may hold a verbatim',
  // The verbatims are read newest first through the index on the time of answering, until as
  // many as shown are found: a survey of a rating alone (CSAT, CES) has none, found by reading
  // every answered response of it, in every request of the dashboard. Only the responses with
  // text are in this index, so such a survey is found to have none at once, and a survey whose
  // few responses have a "why?" has them found without reading the others.
  sql: `
    create index responses_survey_texts on responses (project, survey_id, answered_at)
      where answered_at is not null and ${mayHoldText};
  `,
}
