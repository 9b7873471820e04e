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
    if (condition[key as keyof AnswerCondition] === undefined) continue
    const why =
      key === 'bucket' ? 'only nps answers have one' : `answers are ${scale ? '' : 'not '}numbers`
    problems.push([[key], `expected no "${key}" on ${type} questions: ${why}`])
  }
  const expected = scale ? 'number' : 'string'
  const ids =
    type === 'choice'
      ? [...question.options.map((o) => o.id), ...(question.other ? [OTHER_ANSWER] : [])]
      : undefined
  const check = (value: string | number, path: (string | number)[]) => {
    if (typeof value !== expected) {
      problems.push([
        path,
        `expected ${expected}, got ${typeof value}: ${type} answers are ${expected}s`,
      ])
    } else if (ids && !ids.includes(value as string)) {
      problems.push([path, `expected one of the option ids "${ids.join('", "')}", got "${value}"`])
    }
  }
  if (condition.eq !== undefined) check(condition.eq, ['eq'])
  if (condition.neq !== undefined) check(condition.neq, ['neq'])
  for (const [i, value] of (condition.in ?? []).entries()) check(value, ['in', i])
  return problems
}
