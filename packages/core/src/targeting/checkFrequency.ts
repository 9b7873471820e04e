import type { Frequency } from '../schema/frequency'
import { compileFrequency } from './compileFrequency'
import { historyKey } from './historyKey'
import { readOwn } from './readOwn'
import type { DisplayRecord, ItemKind, TargetingState, Verdict } from './types'

/**
 * Whether one survey or tour may be shown again under its own `frequency`, given its display
 * history in `state` (see `compileFrequency` for the order of the rules and the defaults).
 */
export function checkFrequency(
  frequency: Frequency | undefined,
  state: TargetingState,
  kind: ItemKind,
  id: string,
  now: number,
): Verdict {
  const record = readOwn(state.history, historyKey(kind, id)) as DisplayRecord | undefined
  return compileFrequency(frequency)(record, state.session.startedAt, now)
}
