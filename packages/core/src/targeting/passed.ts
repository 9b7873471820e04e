import type { Verdict } from './types'

/** The one verdict for a passed check, shared: evaluation runs on every event. */
export const PASSED: Verdict = Object.freeze({ ok: true })
