import type { ItemKind, TargetingState } from './types'
import { updateRecord } from './updateRecord'

/** Records that the person closed a survey or tour at `now` without finishing it. Pure. */
export function recordDismissed(
  state: TargetingState,
  kind: ItemKind,
  id: string,
  now: number,
): TargetingState {
  return updateRecord(state, kind, id, ({ step: _, stepId: __, ...record }) => ({
    ...record,
    lastDismissedAt: now,
  }))
}
