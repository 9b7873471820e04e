import type { Queryable } from '../db/database'
import { createNetworkQuorum, type NetworkQuorumOptions } from './createNetworkQuorum'
import { createFoundStored, type ProjectData } from './foundStored'

/** Which new questions outside its config a survey may still get answers to. */
export interface QuestionAllowance {
  /**
   * For each event of one survey, in the order they came, the first question id to refuse, with
   * why: a new one the survey in the project's config does not have, past the allowance.
   *
   * @param answered each event's question ids.
   * @param configured the question ids of the survey in the project's config, which never count.
   * @param network the client network that sent them (see `clientNetwork`).
   */
  refused(
    project: ProjectData,
    surveyId: string,
    answered: ReadonlyArray<readonly string[]>,
    configured: readonly string[],
    network: string,
  ): Promise<Array<{ questionId: string; why: string } | undefined>>
  /** Question ids now stored for the survey. */
  stored(project: ProjectData, surveyId: string, questionIds: Iterable<string>): void
}

/** Options for {@link createQuestionAllowance}. */
export interface QuestionAllowanceOptions extends NetworkQuorumOptions {
  /** How many questions outside its config a survey may have answers to. */
  max: number
}

/**
 * Allows each survey answers to `max` questions its config does not list: those of its earlier
 * versions, or all of a survey the config does not list. Each distinct question id is a column
 * pair of every row the CSV export writes, and the key is public, so events each naming new ids
 * would otherwise widen exports without end. A survey's stored question ids are read when an
 * event names one not seen yet while there is room; once a survey has no room left, a new id is
 * refused without reading, so refused events cost no query (until the project's data is erased,
 * see `createFoundStored`). Which new ones are taken goes by the
 * networks sending them, as for surveys (see `createNetworkQuorum`), so that one client sending
 * made-up ids cannot use a survey's allowance up and have its new questions refused.
 */
export function createQuestionAllowance(
  db: Queryable,
  options: QuestionAllowanceOptions,
): QuestionAllowance {
  const { max } = options
  const quorum = createNetworkQuorum(options)
  const foundOf = createFoundStored(() => new Map<string, Set<string>>())
  return {
    async refused(project, surveyId, answered, configured, network) {
      const listed = new Set(configured)
      const seen = foundOf(project)
      const outsideOf = (known: ReadonlySet<string>) =>
        [...known].filter((id) => !listed.has(id)).length
      let known = seen.get(surveyId)
      const unseen = answered.flat().some((id) => !listed.has(id) && !known?.has(id))
      if (unseen && !(known && outsideOf(known) >= max)) {
        const rows = await db.query<{ id: string }>(
          `select distinct a->>'questionId' as id
           from responses cross join lateral jsonb_array_elements(answers) a
           where project = $1 and survey_id = $2`,
          [project.key, surveyId],
        )
        known = new Set([...(seen.get(surveyId) ?? []), ...rows.map((row) => row.id)])
        seen.set(surveyId, known)
      }
      // This batch's own new ids take room in the order they came, as if stored one by one.
      const taken = new Set(known)
      let count = outsideOf(taken)
      const full = `already has answers to ${max} questions outside it`
      return answered.map((ids) => {
        const fresh = [...new Set(ids)].filter((id) => !listed.has(id) && !taken.has(id))
        const turns = []
        for (const [i, questionId] of fresh.entries()) {
          if (count + i >= max) return { questionId, why: full }
          const turn = quorum.turn(
            `${project.key}\n${surveyId}\n${questionId}`,
            network,
            count + i,
            'questions',
          )
          if (!turn.taken) return { questionId, why: `has answers to ${turn.why}` }
          turns.push(turn)
        }
        for (const turn of turns) turn.take()
        count += fresh.length
        for (const id of fresh) taken.add(id)
        return undefined
      })
    },
    stored(project, surveyId, questionIds) {
      const known = foundOf(project).get(surveyId)
      if (known) for (const id of questionIds) known.add(id)
    },
  }
}
