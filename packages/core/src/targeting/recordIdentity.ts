import type { TargetingState } from './types'

/** `identify(id, traits)`: the user becomes known; new traits are merged over the old. Pure. */
export function recordIdentity(
  state: TargetingState,
  id: string,
  traits: Readonly<Record<string, unknown>> = {},
): TargetingState {
  const user = { ...state.user, id, known: true, traits: { ...state.user.traits, ...traits } }
  return { ...state, user }
}
