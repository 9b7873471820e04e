import type { Schedule } from '../schema/frequency'
import { EXPLAINED } from './explained'
import { fail } from './fail'
import { PASSED } from './passed'
import type { Verdict } from './types'

/** A compiled schedule: is the item live at `now` (ms since the epoch)? */
export type ScheduleCheck = (now: number) => Verdict

const always: ScheduleCheck = () => PASSED

/**
 * Compiles a schedule once (the ISO dates are parsed here, not on every event). `start` and `end`
 * are both inclusive. A date that cannot be read closes the schedule rather than opening it: a
 * survey shown outside its campaign is worse than one not shown.
 */
export function compileSchedule(schedule: Schedule | undefined): ScheduleCheck {
  if (!schedule || (schedule.start === undefined && schedule.end === undefined)) return always
  const { start, end } = schedule
  const startMs = start === undefined ? Number.NEGATIVE_INFINITY : Date.parse(start)
  const endMs = end === undefined ? Number.POSITIVE_INFINITY : Date.parse(end)
  // A date that cannot be read is NaN, which no time is at or after, nor before: closed, unread.
  return (now) =>
    now >= startMs && now <= endMs
      ? PASSED
      : fail(
          'schedule',
          EXPLAINED &&
            (now < startMs
              ? `starts at ${start}`
              : now > endMs
                ? `ended at ${end}`
                : 'the schedule has a date that cannot be read'),
        )
}
