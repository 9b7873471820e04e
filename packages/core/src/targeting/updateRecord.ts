import { historyKey } from './historyKey'
import { readOwn } from './readOwn'
import type { DisplayRecord, ItemKind, TargetingState } from './types'

/** The state with one item's display record replaced by `change(record)`. Pure. */
export function updateRecord(
  state: TargetingState,
  kind: ItemKind,
  id: string,
  change: (record: DisplayRecord) => DisplayRecord,
): TargetingState {
  const key = historyKey(kind, id)
  const record = (readOwn(state.history, key) as DisplayRecord | undefined) ?? { shown: 0 }
  return { ...state, history: { ...state.history, [key]: change(record) } }
}
