/** Plural forms keyed by `Intl.PluralRules` category; `other` is required as the fallback. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

/** The interface texts of a prompt in one language. `{n}`, `{total}`, `{q}` are placeholders. */
export interface Strings {
  /** The language these strings are in: English for a locale without its own. */
  lang: string
  next: string
  submit: string
  close: string
  skip: string
  thanks: string
  thanksBody: string
  /** Read by the live region when a non-modal prompt appears: `{q}` is the question. */
  announce: string
  progress: string
  remaining: string
  other: string
  otherLabel: string
  npsLow: string
  npsHigh: string
  /** Agreement labels of a 1–7 CES scale, lowest first (a 1–5 scale uses 1, 2, 4, 6, 7). */
  agree: readonly [string, string, string, string, string, string, string]
  /** Satisfaction labels of a 1–5 scale, lowest first (a 1–3 scale uses the middle three). */
  satisfied: readonly [string, string, string, string, string]
  stars: Plural
  /** Tour navigation: the button back to the previous step. */
  back: string
  /** The last step's forward button. */
  done: string
  /** Leaves a tour before its last step. */
  skipTour: string
  /** The tour's counter, "Step {n} of {total}", also read by the live region. */
  step: string
}
