import type { Queryable } from '../db/database'

/** Which new surveys outside its config a project may still get answers to. */
export interface SurveyAllowance {
  /** How many surveys outside its config a project may have answers to. */
  max: number
  /**
   * The survey ids of a batch to refuse: new ones the project's config does not list, past the
   * allowance.
   *
   * @param surveyIds the batch's survey ids, in the order they came.
   * @param configured the survey ids of the project's config, which never count.
   */
  refused(
    project: string,
    surveyIds: readonly string[],
    configured: readonly string[],
  ): Promise<Set<string>>
}

/**
 * Allows each project answers to `max` surveys its config does not list. The key is public, and
 * each survey id is a dashboard entry and rows in every rollup, so anyone could otherwise add
 * them without end; surveys outside the config are still taken up to the limit, since a page may
 * carry its config inline and an outbox may deliver answers to a survey removed from the config
 * days later. Surveys found stored are remembered (as many as the database holds, so at most
 * `max` a project beyond those stored before the limit), so a batch costs a query only when it
 * names a survey not found yet.
 */
export function createSurveyAllowance(db: Queryable, max: number): SurveyAllowance {
  const seen = new Map<string, Set<string>>()
  return {
    max,
    async refused(project, surveyIds, configured) {
      const known = seen.get(project) ?? new Set<string>()
      seen.set(project, known)
      const listed = new Set(configured)
      const outside = [...new Set(surveyIds)].filter((id) => !listed.has(id) && !known.has(id))
      if (outside.length === 0) return new Set()
      const stored = await db.query<{ id: string }>(
        `select id from unnest($2::text[]) as id
         where exists (select 1 from responses where project = $1 and survey_id = id)`,
        [project, outside],
      )
      for (const row of stored) known.add(row.id)
      const fresh = outside.filter((id) => !known.has(id))
      if (fresh.length === 0) return new Set()
      // The project's distinct surveys one index probe each (a loose index scan), stopping once
      // enough are found: counting distinct over its responses would read them all.
      const [row] = await db.query<{ n: number }>(
        `with recursive found(id, seen) as (
           (select survey_id, 1 from responses where project = $1 order by survey_id limit 1)
           union all
           select (select survey_id from responses
               where project = $1 and survey_id > found.id order by survey_id limit 1),
             found.seen + 1
           from found where found.id is not null and found.seen < $3
         )
         select count(*)::int as n from found where id is not null and id <> all($2::text[])`,
        [project, configured, max + configured.length],
      )
      const room = Math.max(0, max - (row?.n ?? 0))
      return new Set(fresh.slice(room))
    },
  }
}
