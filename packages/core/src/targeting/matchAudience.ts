import type { Audience } from '../schema/audience'
import { type AudienceCheck, compileAudience } from './compileAudience'
import type { TargetingState, Verdict } from './types'

const compiled = new WeakMap<Audience, AudienceCheck>()

/**
 * Whether the person described by `state` is in `audience` (every rule present must hold); the
 * verdict names the first failing rule. `itemId` is the survey or tour id the sample is drawn for.
 */
export function matchAudience(
  audience: Audience | undefined,
  state: TargetingState,
  itemId: string,
): Verdict {
  if (audience === undefined) return compileAudience(undefined)(state, itemId)
  let check = compiled.get(audience)
  if (!check) {
    check = compileAudience(audience)
    compiled.set(audience, check)
  }
  return check(state, itemId)
}
