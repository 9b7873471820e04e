import { countName } from './countName'
import type { TargetingState } from './types'

/** Lifetime event names counted at most; a new name past them goes uncounted. */
export const MAX_EVENT_NAMES = 1_000

/** Counts one tracked event (a lifetime count, read by audience event rules). Pure. */
export function recordEvent(state: TargetingState, name: string): TargetingState {
  return { ...state, eventCounts: countName(state.eventCounts, name, MAX_EVENT_NAMES) }
}
