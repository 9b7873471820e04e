import type { Answer } from '@sonde/core'

/** Why a prompt closed before its end: its close button, the Escape key, or `handle.close()`. */
export type DismissReason = 'close' | 'escape' | 'api'

/** Answers given so far and the last `seq` used, as saved from `onAnswer` to resume later. */
export interface Progress {
  answers: Answer[]
  seq: number
}

/** Passed to `onAnswer` after every answer: all answers so far, cumulative, and a larger `seq`. */
export interface AnswerEvent extends Progress {
  questionId: string
  completed: boolean
}

/** Passed to `onDismiss` when the prompt is closed before its end. */
export interface DismissEvent extends Progress {
  reason: DismissReason
}

/** Passed to `onComplete` once the last question is answered or skipped. */
export type CompleteEvent = Progress

export interface SessionCallbacks {
  onAnswer?: (event: AnswerEvent) => void
  onDismiss?: (event: DismissEvent) => void
  onComplete?: (event: CompleteEvent) => void
}
