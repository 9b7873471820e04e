import type { Filter } from '../schema/condition'
import { compareValue, type Operator } from './compareValue'

const operators: readonly Operator[] = [
  'eq',
  'neq',
  'in',
  'contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'exists',
]

/**
 * Whether a property value passes a filter: a bare scalar means `{ eq: scalar }`; a comparison
 * object holds when every operator in it holds (so `{}` always holds). See `compareValue`.
 */
export function matchFilter(filter: Filter, value: unknown): boolean {
  if (filter === null || typeof filter !== 'object') return value === filter
  for (const op of operators) {
    const operand = filter[op]
    if (operand !== undefined && !compareValue(op, operand, value)) return false
  }
  return true
}
