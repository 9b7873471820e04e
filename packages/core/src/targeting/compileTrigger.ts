import type { Trigger } from '../schema/trigger'
import { compileUrlRule } from './compileUrlRule'
import { matchFilter } from './matchFilter'
import { readOwn } from './readOwn'
import type { Signal } from './types'

/** A compiled trigger: does this signal make the item due? */
export type SignalMatcher = (signal: Signal) => boolean

const manualOnly: SignalMatcher = (signal) => signal.type === 'manual'

/**
 * Compiles a trigger once. A `manual` signal passes every trigger (the caller asked for the item
 * by id); an item without a trigger is due only that way, never on its own. Time on page and
 * scroll hold from their threshold up, so a signal that overshoots still counts.
 */
export function compileTrigger(trigger: Trigger | undefined): SignalMatcher {
  if (trigger === undefined) return manualOnly
  if ('event' in trigger) {
    const { event } = trigger
    const where = Object.entries(trigger.where ?? {})
    return (signal) => {
      if (signal.type === 'manual') return true
      if (signal.type !== 'event' || signal.name !== event) return false
      for (const [key, filter] of where) {
        if (!matchFilter(filter, readOwn(signal.properties, key))) return false
      }
      return true
    }
  }
  if ('page' in trigger) {
    const match = compileUrlRule(trigger.page)
    return (signal) => signal.type === 'manual' || (signal.type === 'page' && match(signal.url))
  }
  if ('timeOnPageSeconds' in trigger) {
    const seconds = trigger.timeOnPageSeconds
    return (signal) =>
      signal.type === 'manual' || (signal.type === 'timeOnPage' && signal.seconds >= seconds)
  }
  if ('scrollPercent' in trigger) {
    const percent = trigger.scrollPercent
    return (signal) =>
      signal.type === 'manual' || (signal.type === 'scroll' && signal.percent >= percent)
  }
  return (signal) => signal.type === 'manual' || signal.type === 'exitIntent'
}
