import { type Answer, firstQuestion, nextQuestion, questionPath, type Survey } from '@sonde/core'
import { answerMap } from './answerMap'
import type { DismissReason, Progress, SessionCallbacks } from './types'

/** The state of one showing of a survey, kept outside the view so `handle.close()` can report it. */
export interface Session {
  /** The question on screen, or `'end'` for the thank-you screen. */
  readonly current: string
  readonly answers: readonly Answer[]
  readonly seq: number
  /** True once completed or dismissed: no callback fires after that. */
  readonly done: boolean
  /** 1-based position of the current question and the length of the predicted path. */
  progress(): { n: number; total: number }
  answer(questionId: string, value: Answer['value'], other?: string): void
  skip(questionId: string): void
  dismiss(reason: DismissReason): void
}

// A callback that throws belongs to the host: report it, but keep the prompt working.
function call<E>(fn: ((event: E) => void) | undefined, event: E): void {
  try {
    fn?.(event)
  } catch (error) {
    console.error('[sonde]', error)
  }
}

/** Starts a session, resuming after the answers in `progress` when given. */
export function createSession(
  survey: Survey,
  callbacks: SessionCallbacks,
  progress?: Progress,
): Session {
  let answers: Answer[] = progress?.answers.slice() ?? []
  let seq = progress?.seq ?? 0
  let done = false
  let current = firstQuestion(survey, answerMap(answers))

  function advance(from: string): boolean {
    const next = nextQuestion(survey, answerMap(answers), from)
    current = survey.questions.some((q) => q.id === next) ? next : 'end'
    return current === 'end'
  }
  function complete(): void {
    done = true
    call(callbacks.onComplete, { answers: answers.slice(), seq })
  }

  const session: Session = {
    get current() {
      return current
    },
    get answers() {
      return answers
    },
    get seq() {
      return seq
    },
    get done() {
      return done
    },
    progress() {
      const path = questionPath(survey, answerMap(answers))
      return { n: path.indexOf(current) + 1, total: path.length }
    },
    answer(questionId, value, other) {
      if (done || questionId !== current) return
      const answer: Answer =
        other === undefined ? { questionId, value } : { questionId, value, other }
      answers = [...answers.filter((a) => a.questionId !== questionId), answer]
      seq += 1
      const completed = advance(questionId)
      call(callbacks.onAnswer, { answers: answers.slice(), seq, questionId, completed })
      if (completed) complete()
    },
    skip(questionId) {
      if (done || questionId !== current) return
      if (advance(questionId)) complete()
    },
    dismiss(reason) {
      if (done) return
      done = true
      call(callbacks.onDismiss, { answers: answers.slice(), seq, reason })
    },
  }
  // Progress that already covers the whole path: nothing left to ask, so it is complete now.
  if (current === 'end') complete()
  return session
}
