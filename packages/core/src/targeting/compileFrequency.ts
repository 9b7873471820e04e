import type { Frequency } from '../schema/frequency'
import { DAY_MS } from './dayMs'
import { describeTime } from './describeTime'
import { EXPLAINED } from './explained'
import { fail } from './fail'
import { PASSED } from './passed'
import type { DisplayRecord, Verdict } from './types'

/** A compiled frequency: may the item be shown again, given its history? */
export type FrequencyCheck = (
  record: DisplayRecord | undefined,
  sessionStartedAt: number,
  now: number,
) => Verdict

/**
 * Compiles an item's frequency once. Checked in this order: `once`, `maxDisplays`, completion,
 * `recontactDays` (since last shown), dismissal. Two defaults keep a prompt from nagging when its
 * author set nothing: a completed item is not shown again unless `recontactDays` is set (then it
 * may be, once that many days passed), and a dismissed one not for the rest of the session unless
 * `dismissCooldownDays` is set (then for that many days; 0 means no wait at all).
 */
export function compileFrequency(frequency: Frequency | undefined): FrequencyCheck {
  const { once, maxDisplays, recontactDays, dismissCooldownDays } = frequency ?? {}
  const recontactMs = recontactDays === undefined ? undefined : recontactDays * DAY_MS
  const dismissMs = dismissCooldownDays === undefined ? undefined : dismissCooldownDays * DAY_MS
  const onceVerdict = fail('frequency.once', EXPLAINED && 'already shown once')
  const maxVerdict = fail(
    'frequency.maxDisplays',
    EXPLAINED && `already shown ${maxDisplays} times`,
  )
  const completedVerdict = fail(
    'frequency.completed',
    EXPLAINED && 'already completed, and no recontactDays',
  )
  return (record, sessionStartedAt, now) => {
    if (!record) return PASSED
    if (once && record.shown >= 1) return onceVerdict
    if (maxDisplays !== undefined && record.shown >= maxDisplays) return maxVerdict
    if (record.completedAt !== undefined && recontactMs === undefined) return completedVerdict
    const { lastShownAt, lastDismissedAt } = record
    if (recontactMs !== undefined && lastShownAt !== undefined && now < lastShownAt + recontactMs) {
      return fail(
        'frequency.recontact',
        EXPLAINED &&
          `shown ${describeTime(lastShownAt)}; again after ${describeTime(lastShownAt + recontactMs)}`,
      )
    }
    if (lastDismissedAt === undefined) return PASSED
    // Without a cooldown a dismissal holds for its session, with one for that long.
    const held =
      dismissMs === undefined
        ? lastDismissedAt >= sessionStartedAt
        : now < lastDismissedAt + dismissMs
    if (!held) return PASSED
    return fail(
      'frequency.dismissCooldown',
      EXPLAINED &&
        (dismissMs === undefined
          ? 'dismissed in this session'
          : `dismissed; again after ${describeTime(lastDismissedAt + dismissMs)}`),
    )
  }
}
