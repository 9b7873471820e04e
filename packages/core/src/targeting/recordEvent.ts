import { readOwn } from './readOwn'
import type { TargetingState } from './types'

/** Counts one tracked event (a lifetime count, read by audience event rules). Pure. */
export function recordEvent(state: TargetingState, name: string): TargetingState {
  const n = readOwn(state.eventCounts, name)
  const count = typeof n === 'number' ? n + 1 : 1
  return { ...state, eventCounts: { ...state.eventCounts, [name]: count } }
}
