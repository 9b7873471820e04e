import { compileTargeting } from './compileTargeting'
import type { ItemKind, TargetingConfig, TargetingState, Verdict } from './types'

/**
 * Whether a survey or tour could be shown now if asked for: every rule but its trigger
 * (schedule, audience, frequency, global settings). Backs the public `canShow(id)` and `show(id)`;
 * an id missing from the config gives `{ ok: false, reason: 'unknown' }`.
 */
export function canShow(
  ref: { kind: ItemKind; id: string },
  config: TargetingConfig,
  state: TargetingState,
  now: number,
): Verdict {
  return compileTargeting(config).canShow(ref, state, now)
}
