import type { Schedule } from '../schema/frequency'
import { compileSchedule } from './compileSchedule'
import type { Verdict } from './types'

/** Whether `now` (ms since the epoch) falls within `schedule`, both ends inclusive. */
export function checkSchedule(schedule: Schedule | undefined, now: number): Verdict {
  return compileSchedule(schedule)(now)
}
