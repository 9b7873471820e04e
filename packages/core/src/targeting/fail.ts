import type { SkipReason, Verdict } from './types'

/** The verdict for a failed check. */
export function fail(reason: SkipReason, message: string): Verdict {
  return { ok: false, reason, message }
}
