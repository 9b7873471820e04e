import type { ItemKind, TargetingState } from './types'
import { updateRecord } from './updateRecord'

/** Records the step a tour in progress is on, and its id (completion or dismissal forgets them). Pure. */
export function recordStep(
  state: TargetingState,
  kind: ItemKind,
  id: string,
  step: number,
  stepId?: string,
): TargetingState {
  return updateRecord(state, kind, id, (record) => ({ ...record, step, stepId }))
}
