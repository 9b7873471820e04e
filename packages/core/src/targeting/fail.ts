import type { SkipReason, Verdict } from './types'

/** The verdict for a failed check; `message` is false where the build leaves the words out. */
export function fail(reason: SkipReason, message: string | false): Verdict {
  return message ? { ok: false, reason, message } : { ok: false, reason }
}
