import { checkFrequency, type DisplayRecord, type TargetingState } from '@sonde/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { holdsBack, type Outcome } from './surveyOutcome'

const DAY = 86_400_000
const day = fc.integer({ min: 0, max: 30 })
const frequency = fc.record(
  {
    once: fc.boolean(),
    maxDisplays: fc.integer({ min: 1, max: 5 }),
    recontactDays: day,
    dismissCooldownDays: day,
  },
  { requiredKeys: [] },
)
// Whole days and near-equal times often, so that the rules' edges (at the session's start, at
// the end of a cooldown) are met.
const time = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: 0, max: 60 }).map((n) => n * DAY),
  fc.integer({ min: 0, max: 60 * DAY }),
)
const record = fc.record(
  {
    shown: fc.integer({ min: 0, max: 6 }),
    lastShownAt: time,
    lastDismissedAt: time,
    completedAt: time,
  },
  { requiredKeys: ['shown'] },
)
const lacked = fc.uniqueArray(fc.constantFrom<Outcome>('completedAt', 'lastDismissedAt'), {
  minLength: 1,
})

const verdict = (freq: object, history: DisplayRecord, startedAt: number, now: number) =>
  checkFrequency(
    freq,
    { history: { 'survey:s': history }, session: { startedAt } } as unknown as TargetingState,
    'survey',
    's',
    now,
  ).ok

describe('holdsBack', () => {
  it('holds a survey back exactly when compileFrequency would, once the outcomes are in its history', () => {
    fc.assert(
      fc.property(
        frequency,
        record,
        lacked,
        time,
        time,
        time,
        (freq, stored, outcomes, at, startedAt, now) => {
          // The page found the survey due: its history let it show.
          fc.pre(verdict(freq, stored, startedAt, now))
          // What the history lacked is later than what it holds.
          fc.pre(outcomes.every((outcome) => at > (stored[outcome] ?? 0)))
          const merged = { ...stored, ...Object.fromEntries(outcomes.map((o) => [o, at])) }
          const held = outcomes.some((outcome) => holdsBack(outcome, at, freq, startedAt, now))
          expect(held).toBe(!verdict(freq, merged, startedAt, now))
        },
      ),
      { numRuns: 2_000 },
    )
  })
})
