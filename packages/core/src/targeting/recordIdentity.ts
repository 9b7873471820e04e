import type { TargetingState } from './types'

/**
 * `identify(id, traits)`: the user becomes known; new traits are merged over the old ones of
 * the same person (or of the anonymous visitor before). Another id is another person, whose
 * events must not carry the previous user's traits (a shared device, a sign-out without
 * `reset`). Without an id (init's `user` for a visitor not signed in) the traits are merged and
 * the user stays who they were. Pure.
 */
export function recordIdentity(
  state: TargetingState,
  id: string | undefined,
  traits: Readonly<Record<string, unknown>> = {},
): TargetingState {
  const { user } = state
  const known = id ? { id, known: true } : {}
  const old = !id || user.id === undefined || user.id === id ? user.traits : {}
  return { ...state, user: { ...user, ...known, traits: { ...old, ...traits } } }
}
