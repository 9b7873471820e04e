import { type AudienceCheck, compileAudience } from './compileAudience'
import { compileFrequency, type FrequencyCheck } from './compileFrequency'
import { compileSchedule, type ScheduleCheck } from './compileSchedule'
import { compileTrigger, type SignalMatcher } from './compileTrigger'
import { EXPLAINED } from './explained'
import { historyKey } from './historyKey'
import type { ItemKind, Skip, Targetable } from './types'

/** One survey or tour with its rules compiled, ready to be checked on every signal. */
export interface CompiledItem {
  kind: ItemKind
  id: string
  item: Targetable
  key: string
  priority: number
  delaySeconds: number
  trigger: SignalMatcher
  schedule: ScheduleCheck
  audience: AudienceCheck
  frequency: FrequencyCheck
  /** Shared and frozen: most items miss most signals, and that must not allocate. */
  triggerSkip: Skip
}

const compiled = new WeakMap<Targetable, CompiledItem>()

/** Compiles one survey or tour, once per definition object (definitions are never mutated). */
export function compileItem(kind: ItemKind, item: Targetable): CompiledItem {
  const cached = compiled.get(item)
  if (cached?.kind === kind) return cached
  const result: CompiledItem = {
    kind,
    id: item.id,
    item,
    key: historyKey(kind, item.id),
    priority: item.priority ?? 0,
    delaySeconds: item.trigger?.delaySeconds ?? 0,
    trigger: compileTrigger(item.trigger),
    schedule: compileSchedule(item.schedule),
    audience: compileAudience(item.audience),
    frequency: compileFrequency(item.frequency),
    // The words only where verdicts carry them (EXPLAINED): sonde.js keeps the reason code.
    triggerSkip: Object.freeze({
      kind,
      id: item.id,
      reason: 'trigger',
      ...(EXPLAINED && {
        message: item.trigger ? 'its trigger did not fire' : 'no trigger: shown only on request',
      }),
    }),
  }
  compiled.set(item, result)
  return result
}
