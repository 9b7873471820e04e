import type { TargetingState } from './types'

/**
 * `identify(id, traits)`: the user becomes known; new traits are merged over the old ones of
 * the same person (or of the anonymous visitor before). Another id is another person (a shared
 * device, a sign-out without `reset`), who starts afresh as after `reset`: not with the previous
 * user's traits, event counts ("exported ≥ 3 times") or display history (a survey they answered,
 * the cooldown they started); the visit, and its prompts, stay the device's. Without an id
 * (init's `user` for a visitor not signed in) the traits are merged and the user stays who they
 * were. Pure.
 */
export function recordIdentity(
  state: TargetingState,
  id: string | undefined,
  traits: Readonly<Record<string, unknown>> = {},
): TargetingState {
  const { user } = state
  const known = id ? { id, known: true } : {}
  const same = !id || user.id === undefined || user.id === id
  return {
    ...state,
    ...(!same && { eventCounts: {}, history: {}, lastPromptAt: undefined }),
    user: { ...user, ...known, traits: { ...(same && user.traits), ...traits } },
  }
}
