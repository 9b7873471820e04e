import type { Queryable } from '../db/database'
import { createNetworkQuorum, type NetworkQuorumOptions } from './createNetworkQuorum'
import { createFoundStored, type ProjectData } from './foundStored'

/** Which new surveys outside its config a project may still get answers to. */
export interface SurveyAllowance {
  /**
   * The survey ids of a batch to refuse, each with its reason: new ones the project's config
   * does not list, past the allowance.
   *
   * @param surveyIds the batch's survey ids, in the order they came.
   * @param configured the survey ids of the project's config, which never count.
   * @param network the client network that sent them (see `clientNetwork`).
   */
  refused(
    project: ProjectData,
    surveyIds: readonly string[],
    configured: readonly string[],
    network: string,
  ): Promise<Map<string, string>>
}

/** Options for {@link createSurveyAllowance}. */
export interface SurveyAllowanceOptions extends NetworkQuorumOptions {
  /** How many surveys outside its config a project may have answers to. */
  max: number
}

/**
 * Allows each project answers to `max` surveys its config does not list. The key is public, and
 * each survey id is a dashboard entry and rows in every rollup, so anyone could otherwise add
 * them without end; surveys outside the config are still taken up to the limit, since a page may
 * carry its config inline and an outbox may deliver answers to a survey removed from the config
 * days later; which of them by the networks sending them (see `createNetworkQuorum`). Surveys found
 * stored are remembered (as many as the database holds, so at most `max` a project beyond
 * those stored before the limit) until the project's data is erased (see `createFoundStored`),
 * so a batch costs a query only when it names a survey not found yet.
 */
export function createSurveyAllowance(
  db: Queryable,
  options: SurveyAllowanceOptions,
): SurveyAllowance {
  const { max } = options
  const quorum = createNetworkQuorum(options)
  const foundOf = createFoundStored(() => new Set<string>())
  return {
    async refused(project, surveyIds, configured, network) {
      const known = foundOf(project)
      const listed = new Set(configured)
      const outside = [...new Set(surveyIds)].filter((id) => !listed.has(id) && !known.has(id))
      if (outside.length === 0) return new Map()
      const stored = await db.query<{ id: string }>(
        `select id from unnest($2::text[]) as id
         where exists (select 1 from responses where project = $1 and survey_id = id)`,
        [project.key, outside],
      )
      for (const row of stored) known.add(row.id)
      const fresh = outside.filter((id) => !known.has(id))
      if (fresh.length === 0) return new Map()
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
        [project.key, configured, max + configured.length],
      )
      let taken = row?.n ?? 0
      const refused = new Map<string, string>()
      for (const id of fresh) {
        const outsideIt = `surveyId: "${id}" is not in the project's config, which`
        if (taken >= max) {
          refused.set(id, `${outsideIt} already has ${max} surveys outside it`)
          continue
        }
        const turn = quorum.turn(`${project.key}\n${id}`, network, taken, 'surveys')
        if (turn.taken) {
          turn.take()
          taken += 1
        } else refused.set(id, `${outsideIt} has ${turn.why}`)
      }
      return refused
    },
  }
}
