import type { Frequency, Settings } from '../schema/frequency'
import { DAY_MS } from './dayMs'
import { describeTime } from './describeTime'
import { EXPLAINED } from './explained'
import { fail } from './fail'
import { PASSED } from './passed'
import type { ItemKind, TargetingState, Verdict } from './types'

/**
 * The project-wide rules, which govern surveys only: `cooldownDays` since the last survey shown
 * (skipped by `ignoreGlobalCooldown`) and `maxPromptsPerSession` (never skipped). Tours are
 * onboarding the person asked for by arriving, not a request for their opinion: they neither wait
 * for nor start the survey cooldown, and do not use up the session's prompts.
 */
export function checkGlobal(
  kind: ItemKind,
  frequency: Frequency | undefined,
  settings: Settings | undefined,
  state: TargetingState,
  now: number,
): Verdict {
  if (kind === 'tour' || !settings) return PASSED
  const { cooldownDays, maxPromptsPerSession } = settings
  const last = state.lastPromptAt
  if (cooldownDays && !frequency?.ignoreGlobalCooldown && last !== undefined) {
    const until = last + cooldownDays * DAY_MS
    if (now < until) {
      return fail(
        'global.cooldown',
        EXPLAINED && `a survey was shown ${describeTime(last)}; next after ${describeTime(until)}`,
      )
    }
  }
  if (maxPromptsPerSession !== undefined && state.session.prompts >= maxPromptsPerSession) {
    return fail(
      'global.sessionCap',
      EXPLAINED && `${state.session.prompts} of ${maxPromptsPerSession} prompts this session`,
    )
  }
  return PASSED
}
