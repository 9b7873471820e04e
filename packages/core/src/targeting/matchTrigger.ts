import type { Trigger } from '../schema/trigger'
import { compileTrigger, type SignalMatcher } from './compileTrigger'
import type { Signal } from './types'

const compiled = new WeakMap<Trigger, SignalMatcher>()

/**
 * Whether `signal` satisfies `trigger`: the event name and every `where` filter, a page URL rule,
 * time on page or scroll at or past the threshold, exit intent. `manual` (`show(id)`) passes any
 * trigger; no trigger is passed by `manual` alone.
 */
export function matchTrigger(trigger: Trigger | undefined, signal: Signal): boolean {
  if (trigger === undefined) return compileTrigger(undefined)(signal)
  let match = compiled.get(trigger)
  if (!match) {
    match = compileTrigger(trigger)
    compiled.set(trigger, match)
  }
  return match(signal)
}
