import type { ItemKind, TargetingState } from './types'
import { updateRecord } from './updateRecord'

/** Records the step a tour in progress is on (completion or dismissal forgets it). Pure. */
export function recordStep(
  state: TargetingState,
  kind: ItemKind,
  id: string,
  step: number,
): TargetingState {
  return updateRecord(state, kind, id, (record) => ({ ...record, step }))
}
