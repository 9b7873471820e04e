import type { TargetingState } from './types'

/**
 * Starts a new session: page views and prompts go back to 0, and dismissals from earlier
 * sessions stop blocking items without `dismissCooldownDays`. Pure; the caller decides when a
 * session ends (the SDK uses 30 minutes of inactivity).
 */
export function startSession(state: TargetingState, id: string, now: number): TargetingState {
  return { ...state, session: { id, startedAt: now, pageViews: 0, prompts: 0 } }
}
