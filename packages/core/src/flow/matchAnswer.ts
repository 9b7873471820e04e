import type { AnswerCondition } from '../schema/question'
import { npsBucket } from '../scoring/npsBucket'

/** What a question's answer can be: a scale number, a text, an option id or several. */
export type AnswerValue = number | string | string[]

const isEmpty = (value: AnswerValue | undefined) =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

// Multiple-choice answers hold when any chosen option satisfies the comparison, which is how
// product teams read "if they picked speed".
function some(value: AnswerValue, test: (one: string | number) => boolean): boolean {
  return Array.isArray(value) ? value.some(test) : test(value)
}

/** True when `value` satisfies every condition present in `condition`. */
export function matchAnswer(condition: AnswerCondition, value: AnswerValue | undefined): boolean {
  if (condition.answered !== undefined && condition.answered === isEmpty(value)) return false
  const keys = Object.keys(condition).filter((key) => key !== 'answered')
  if (keys.length === 0) return true
  if (value === undefined || isEmpty(value)) return false
  const num = typeof value === 'number' ? value : null
  if (condition.bucket !== undefined && npsBucket(value) !== condition.bucket) return false
  if (condition.eq !== undefined && !some(value, (v) => v === condition.eq)) return false
  if (condition.neq !== undefined && some(value, (v) => v === condition.neq)) return false
  if (condition.in !== undefined && !some(value, (v) => condition.in?.includes(v) === true)) {
    return false
  }
  if (condition.contains !== undefined) {
    const needle = condition.contains.toLowerCase()
    if (!some(value, (v) => String(v).toLowerCase().includes(needle))) return false
  }
  if (condition.gte !== undefined && !(num !== null && num >= condition.gte)) return false
  if (condition.lte !== undefined && !(num !== null && num <= condition.lte)) return false
  if (condition.gt !== undefined && !(num !== null && num > condition.gt)) return false
  if (condition.lt !== undefined && !(num !== null && num < condition.lt)) return false
  return true
}
