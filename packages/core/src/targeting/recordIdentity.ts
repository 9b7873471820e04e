import type { TargetingState } from './types'

/**
 * `identify(id, traits)`: the user becomes known; new traits are merged over the old. Without an
 * id (init's `user` for a visitor not signed in) only the traits are merged. Pure.
 */
export function recordIdentity(
  state: TargetingState,
  id: string | undefined,
  traits: Readonly<Record<string, unknown>> = {},
): TargetingState {
  const known = id ? { id, known: true } : {}
  const user = { ...state.user, ...known, traits: { ...state.user.traits, ...traits } }
  return { ...state, user }
}
