import { describe, expect, it } from 'vitest'
import type { Schedule } from '../schema/frequency'
import { checkSchedule } from './checkSchedule'

const at = (iso: string) => Date.parse(iso)
const q4 = { start: '2026-11-01T00:00:00Z', end: '2026-12-31T23:59:59Z' }

describe('checkSchedule', () => {
  it.each<[Schedule | undefined, string, boolean]>([
    [undefined, '2020-01-01T00:00:00Z', true],
    [{}, '2020-01-01T00:00:00Z', true],
    [q4, '2026-10-31T23:59:59.999Z', false],
    [q4, '2026-11-01T00:00:00Z', true],
    [q4, '2026-12-01T12:00:00Z', true],
    [q4, '2026-12-31T23:59:59Z', true],
    [q4, '2026-12-31T23:59:59.001Z', false],
    [{ start: '2026-11-01T00:00:00+02:00' }, '2026-10-31T22:00:00Z', true],
    [{ start: '2026-11-01T00:00:00+02:00' }, '2026-10-31T21:59:59Z', false],
    [{ end: '2026-01-01T00:00:00Z' }, '2030-01-01T00:00:00Z', false],
    [{ start: 'not a date' }, '2030-01-01T00:00:00Z', false],
    [{ end: 'not a date' }, '2020-01-01T00:00:00Z', false],
    [{ start: '2026-11-01T00:00:00Z', end: 'not a date' }, '2026-12-01T00:00:00Z', false],
  ])('%j at %s is %s', (schedule, now, ok) => {
    const verdict = checkSchedule(schedule, at(now))
    expect(verdict.ok).toBe(ok)
    if (!verdict.ok) expect(verdict.reason).toBe('schedule')
  })

  it('says whether it has not started or has ended', () => {
    expect(checkSchedule(q4, at('2026-01-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'schedule',
      message: 'starts at 2026-11-01T00:00:00Z',
    })
    expect(checkSchedule(q4, at('2027-01-01T00:00:00Z'))).toMatchObject({
      message: 'ended at 2026-12-31T23:59:59Z',
    })
    expect(checkSchedule({ end: 'not a date' }, at('2026-01-01T00:00:00Z'))).toMatchObject({
      message: 'the schedule has a date that cannot be read',
    })
  })
})
