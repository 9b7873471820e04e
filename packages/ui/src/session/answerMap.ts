import type { Answer, Answers } from '@sonde/core'

/** Answers keyed by question id, the shape core's flow rules read. */
export function answerMap(answers: readonly Answer[]): Answers {
  return Object.fromEntries(answers.map((a) => [a.questionId, a.value]))
}
