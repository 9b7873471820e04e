import type { Answer, LocalizedText, Question } from '@sonde/core'
import type { Strings } from '../strings/types'

/** A text shown, with its `lang` when that differs from the surface's. */
export type Said = [text: string, lang?: string]

/** What every question view needs besides its question: language, ids and position. */
export interface QuestionContext {
  strings: Strings
  locale: string
  dir: 'ltr' | 'rtl'
  /** Resolves a survey text in the respondent's locale. */
  tx: (text: LocalizedText) => string
  /** The `lang` of a survey text when it falls back to another language than the surface's. */
  langOf: (text: LocalizedText) => string | undefined
  /** The `lang` of the UI strings when they are another language's (English for `pt`). */
  ui: string | undefined
  /** A survey text, else a UI string, with its `lang`. */
  say: (text: LocalizedText | undefined, fallback: string) => Said
  /** Id of the question's heading: it names the dialog and the input group. */
  titleId: string
  /** Id of "Question 2 of 3", when shown: it describes the input group. */
  progressId: string | undefined
  /** Whether this is the last question on the predicted path (forward button says Submit). */
  isLast: boolean
}

export interface QuestionProps<T extends Question['type'] = Question['type']> {
  question: Extract<Question, { type: T }>
  ctx: QuestionContext
  /** Move focus into the question on mount: in a modal, or once the user has interacted. */
  autoFocus: boolean
  onAnswer: (value: Answer['value'], other?: string) => void
  onSkip: () => void
}

/** The answer value of the "other" choice; its text goes in the answer's `other`. */
export const OTHER = 'other'
