import { type AnswerCondition, OTHER_ANSWER, type Question } from './question'

/**
 * The parts of a branching condition that can never decide for `question`'s answers, each with
 * its path inside the condition: scale answers are numbers, text and choice answers strings, a
 * choice's are its option ids, and only NPS answers have a bucket. Such a part would send every
 * respondent down one branch, or none, whatever they answered.
 */
export function conditionProblems(
  question: Question,
  condition: AnswerCondition,
): [path: (string | number)[], message: string][] {
  const problems: [(string | number)[], string][] = []
  const { type } = question
  const scale = type !== 'text' && type !== 'choice'
  const unfit = scale ? ['contains'] : ['gte', 'lte', 'gt', 'lt']
  if (type !== 'nps') unfit.push('bucket')
  for (const key of unfit) {
    if (condition[key as keyof AnswerCondition] !== undefined) {
      problems.push([[key], `expected no "${key}" on ${type} questions`])
    }
  }
  // The points of a scale: one shortened from 10 to 5 may keep rules that no answer can meet.
  const min = type === 'nps' ? 0 : 1
  const max =
    question.type === 'rating'
      ? question.scale
      : question.type === 'ces'
        ? (question.scale ?? 7)
        : 10
  const unmet = `expected a value an answer (${min}–${max}) can meet, got`
  const { gte, gt, lte, lt } = condition
  const never = {
    gte: gte !== undefined && gte > max,
    gt: gt !== undefined && gt >= max,
    lte: lte !== undefined && lte < min,
    lt: lt !== undefined && lt <= min,
  }
  for (const key of ['gte', 'gt', 'lte', 'lt'] as const) {
    if (scale && never[key]) problems.push([[key], `${unmet} ${condition[key]}`])
  }
  const expected = scale ? 'number' : 'string'
  const ids =
    type === 'choice'
      ? [...question.options.map((o) => o.id), ...(question.other ? [OTHER_ANSWER] : [])]
      : undefined
  const check = (value: string | number, path: (string | number)[]) => {
    if (typeof value !== expected) {
      problems.push([path, `expected ${expected}, got ${typeof value}`])
    } else if (scale && ((value as number) < min || (value as number) > max)) {
      problems.push([path, `${unmet} ${value}`])
    } else if (ids && !ids.includes(value as string)) {
      problems.push([path, `expected one of "${ids.join('", "')}", got "${value}"`])
    }
  }
  if (condition.eq !== undefined) check(condition.eq, ['eq'])
  if (condition.neq !== undefined) check(condition.neq, ['neq'])
  for (const [i, value] of (condition.in ?? []).entries()) check(value, ['in', i])
  return problems
}
