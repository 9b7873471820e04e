import { compileTargeting } from './compileTargeting'
import type { Evaluation, Signal, TargetingConfig, TargetingState } from './types'

/**
 * Which surveys and tours `signal` makes due for the person in `state` at `now` (ms since the
 * epoch). `eligible` is sorted by `priority` (higher first), then config order (surveys before
 * tours); show the first, after its `delaySeconds` (0 for a `manual` signal). Every other item is
 * in `skipped` with the first rule it failed. Record the signal in `state` first (`recordEvent`,
 * `recordPageView`), so that count rules include it. Never throws on a schema-valid config.
 */
export function evaluate(
  config: TargetingConfig,
  state: TargetingState,
  signal: Signal,
  now: number,
): Evaluation {
  return compileTargeting(config).evaluate(state, signal, now)
}
