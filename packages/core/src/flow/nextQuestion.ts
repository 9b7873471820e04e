import type { Survey } from '../schema/survey'
import { type AnswerValue, matchAnswer } from './matchAnswer'

/** Answers given so far, by question id. */
export type Answers = Readonly<Record<string, AnswerValue>>

// Own answers only: an unanswered "constructor" must not read Object.prototype's. (Not
// `readOwn`: sonde.js would then have to lend it to the survey chunk, at a cost in its budget.)
function answerTo(answers: Answers, id: string): AnswerValue | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined
}

/**
 * The question after `currentId` given the answers so far, or `'end'`. The first `next` rule
 * whose `if` holds wins; no rule (or none that holds) means the following question.
 */
export function nextQuestion(survey: Survey, answers: Answers, currentId: string): string {
  const index = survey.questions.findIndex((q) => q.id === currentId)
  const current = survey.questions[index]
  if (!current) return 'end'
  for (const rule of current.next ?? []) {
    if (!rule.if || matchAnswer(rule.if, answerTo(answers, current.id))) return rule.goto
  }
  return survey.questions[index + 1]?.id ?? 'end'
}

/** The first question to ask: the first one, or after saved progress the next one unanswered. */
export function firstQuestion(survey: Survey, answers: Answers = {}): string {
  let id = survey.questions[0]?.id ?? 'end'
  // Replays the branches already taken, so a resumed survey lands where the person left off.
  while (id !== 'end' && Object.hasOwn(answers, id)) id = nextQuestion(survey, answers, id)
  return id
}

/**
 * The ids on the path the answers so far lead along, then the rest assuming no branch, which is
 * what a progress bar can honestly show.
 */
export function questionPath(survey: Survey, answers: Answers = {}): string[] {
  const path: string[] = []
  let id = survey.questions[0]?.id ?? 'end'
  while (id !== 'end' && !path.includes(id)) {
    path.push(id)
    id = nextQuestion(survey, answers, id)
  }
  return path
}
