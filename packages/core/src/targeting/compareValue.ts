import type { TraitRule } from '../schema/audience'

/** The operators of property filters and trait rules. */
export type Operator = TraitRule['op']

/**
 * Applies one operator. No coercion: `'3'` is not `3`, and the order operators hold only between
 * numbers. A missing value (`undefined`) fails every operator but `neq` and `exists: false`.
 * `exists` counts `null` as absent; its operand defaults to `true`.
 */
export function compareValue(op: Operator, operand: unknown, value: unknown): boolean {
  // Written once for the four order operators, which the script tag carries.
  const numbers = typeof value === 'number' && typeof operand === 'number'
  switch (op) {
    case 'eq':
      return value === operand
    case 'neq':
      return value !== operand
    case 'in':
      return Array.isArray(operand) && operand.includes(value)
    case 'contains':
      return contains(value, operand)
    case 'gt':
      return numbers && value > operand
    case 'gte':
      return numbers && value >= operand
    case 'lt':
      return numbers && value < operand
    case 'lte':
      return numbers && value <= operand
    case 'exists':
      return (value !== undefined && value !== null) === (operand !== false)
  }
}

// A string contains a substring (case-sensitive); an array contains an element.
function contains(value: unknown, needle: unknown): boolean {
  if (typeof needle !== 'string' && typeof needle !== 'number') return false
  if (typeof value === 'string') return value.includes(String(needle))
  return Array.isArray(value) && value.includes(needle)
}
