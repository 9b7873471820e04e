import type { TraitRule } from '../schema/audience'
import { compareValue } from './compareValue'
import { readOwn } from './readOwn'

/** Whether the user's traits pass one rule, e.g. `{ key: 'plan', op: 'in', value: ['pro'] }`. */
export function matchTraitRule(
  rule: TraitRule,
  traits: Readonly<Record<string, unknown>>,
): boolean {
  return compareValue(rule.op, rule.value, readOwn(traits, rule.key))
}
