import type { ItemKind, TargetingState } from './types'
import { updateRecord } from './updateRecord'

/** Records that the person finished a survey or tour at `now`. Pure. */
export function recordCompleted(
  state: TargetingState,
  kind: ItemKind,
  id: string,
  now: number,
): TargetingState {
  return updateRecord(state, kind, id, ({ step: _, stepId: __, ...record }) => ({
    ...record,
    completedAt: now,
  }))
}
