import { EXPLAINED } from './explained'
import type { SkipReason, Verdict } from './types'

/** The verdict for a failed check; `message` is false where the build leaves the words out. */
export function fail(reason: SkipReason, message: string | false): Verdict {
  // Without the words (sonde.js) there is never a message to carry.
  return EXPLAINED && message ? { ok: false, reason, message } : { ok: false, reason }
}
