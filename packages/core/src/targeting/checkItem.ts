import type { Settings } from '../schema/frequency'
import { checkGlobal } from './checkGlobal'
import type { CompiledItem } from './compileItem'
import { readOwn } from './readOwn'
import type { DisplayRecord, TargetingState, Verdict } from './types'

/**
 * Every rule of a compiled item but its trigger, cheapest and most telling first: schedule,
 * audience, the item's frequency, then the global settings.
 */
export function checkItem(
  compiled: CompiledItem,
  settings: Settings | undefined,
  state: TargetingState,
  now: number,
): Verdict {
  const live = compiled.schedule(now)
  if (!live.ok) return live
  const member = compiled.audience(state, compiled.id)
  if (!member.ok) return member
  const record = readOwn(state.history, compiled.key) as DisplayRecord | undefined
  const again = compiled.frequency(record, state.session.startedAt, now)
  if (!again.ok) return again
  return checkGlobal(compiled.kind, compiled.item.frequency, settings, state, now)
}
