import { checkItem } from './checkItem'
import { type CompiledItem, compileItem } from './compileItem'
import { EXPLAINED } from './explained'
import { fail } from './fail'
import { historyKey } from './historyKey'
import type {
  Eligible,
  Evaluation,
  ItemKind,
  Signal,
  Skip,
  TargetingConfig,
  TargetingState,
  Verdict,
} from './types'

/** A config compiled for repeated evaluation; see `evaluate` and `canShow`. */
export interface Targeting {
  evaluate(state: TargetingState, signal: Signal, now: number): Evaluation
  canShow(ref: { kind: ItemKind; id: string }, state: TargetingState, now: number): Verdict
}

const compiled = new WeakMap<TargetingConfig, Targeting>()

/**
 * Compiles a config once per config object: URL rules, globs, regexes, schedules and audiences
 * are prepared here so that an evaluation is a pass of cheap closures. Treat the config and its
 * definitions as immutable: a changed config must be a new object.
 */
export function compileTargeting(config: TargetingConfig): Targeting {
  let targeting = compiled.get(config)
  if (!targeting) {
    targeting = build(config)
    compiled.set(config, targeting)
  }
  return targeting
}

function build(config: TargetingConfig): Targeting {
  const { settings } = config
  const items = [
    ...(config.surveys ?? []).map((item) => compileItem('survey', item)),
    ...(config.tours ?? []).map((item) => compileItem('tour', item)),
  ]
  const byKey = new Map<string, CompiledItem>()
  for (const item of items) if (!byKey.has(item.key)) byKey.set(item.key, item)

  return {
    evaluate(state, signal, now) {
      const due: CompiledItem[] = []
      const skipped: Skip[] = []
      const manual = signal.type === 'manual'
      for (const item of items) {
        const fired = manual
          ? signal.kind === item.kind && signal.id === item.id
          : item.trigger(signal)
        if (!fired) {
          skipped.push(item.triggerSkip)
          continue
        }
        const verdict = checkItem(item, settings, state, now)
        if (verdict.ok) {
          due.push(item)
        } else {
          const { kind, id } = item
          skipped.push({ kind, id, reason: verdict.reason, message: verdict.message })
        }
      }
      // Stable sort: equal priorities keep config order (surveys, then tours).
      due.sort((a, b) => b.priority - a.priority)
      const eligible = due.map(
        (item): Eligible => ({
          kind: item.kind,
          id: item.id,
          delaySeconds: manual ? 0 : item.delaySeconds,
        }),
      )
      return { eligible, skipped }
    },
    canShow(ref, state, now) {
      const item = byKey.get(historyKey(ref.kind, ref.id))
      if (!item)
        return fail(
          'unknown',
          EXPLAINED &&
            `no ${ref.kind} with id "${ref.id}" (an invalid one is left out: see the console error)`,
        )
      return checkItem(item, settings, state, now)
    },
  }
}
