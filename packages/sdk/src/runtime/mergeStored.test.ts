import {
  createTargetingState,
  recordCompleted,
  recordDismissed,
  recordEvent,
  recordIdentity,
  recordShown,
  recordStep,
} from '@sonde/core'
import { describe, expect, it } from 'vitest'
import { mergeStored } from './mergeStored'

const base = createTargetingState({ anonymousId: 'a1', sessionId: 's1', now: 0 })

describe('mergeStored', () => {
  it('keeps what the other tab showed and answered, and its cooldown', () => {
    const other = recordCompleted(recordShown(base, 'survey', 'nps', 1_000), 'survey', 'nps', 2_000)
    const mine = recordShown(base, 'survey', 'csat', 500)
    const merged = mergeStored(mine, other)
    expect(merged.history['survey:nps']).toEqual({
      shown: 1,
      lastShownAt: 1_000,
      completedAt: 2_000,
    })
    expect(merged.history['survey:csat']).toEqual({ shown: 1, lastShownAt: 500 })
    expect(merged.lastPromptAt).toBe(1_000)
    expect(merged.session.prompts).toBe(1)
  })

  it('takes the later time of both sides', () => {
    const mine = recordDismissed(base, 'survey', 'nps', 3_000)
    const other = recordShown(base, 'survey', 'nps', 1_000)
    expect(mergeStored(mine, other, base).history['survey:nps']).toEqual({
      shown: 1,
      lastShownAt: 1_000,
      lastDismissedAt: 3_000,
    })
  })

  // Stored under a clock since set back: kept, the cooldown and recontact period would hold for
  // as long as the clock was off; taken as now, they hold from now.
  it('takes a time both sides hold that is ahead of the clock as now', () => {
    const now = Date.now()
    const ahead = recordShown(base, 'survey', 'nps', now + 3 * 365 * 86_400_000)
    const merged = mergeStored(ahead, ahead, ahead)
    expect(merged.history['survey:nps']?.lastShownAt).toBeGreaterThanOrEqual(now)
    expect(merged.history['survey:nps']?.lastShownAt).toBeLessThanOrEqual(Date.now())
    expect(merged.lastPromptAt).toBe(merged.history['survey:nps']?.lastShownAt)
  })

  // A clock reset far into the past (a dead battery: 1970, 2000) is the wrong one, not the
  // stored times: taken as now, a cooldown would be over the moment the clock is put right.
  it('keeps the times a clock set before Sonde existed would take back', () => {
    const realNow = Date.now
    const shownAt = realNow()
    Date.now = () => Date.UTC(2000, 0, 1)
    try {
      const shown = recordShown(base, 'survey', 'nps', shownAt)
      const merged = mergeStored(shown, shown, shown)
      expect(merged.history['survey:nps']?.lastShownAt).toBe(shownAt)
      expect(merged.lastPromptAt).toBe(shownAt)
    } finally {
      Date.now = realNow
    }
  })

  // Both tabs read `read` from the store; each then tracked `export`. The higher of the two
  // figures would lose one tab's events: two tabs tracking it twice each would store 2, not 4,
  // and "export ≥ 3 times" would never be met. What this tab counted since it last read or
  // wrote the store (`base`) is added to what the store holds now.
  const twice = (state: typeof base) => recordEvent(recordEvent(state, 'export'), 'export')
  const read = recordEvent(base, 'export')
  it.each([
    ['both tabs read the store, each counted twice', twice(read), twice(read), read, 5],
    ['only the other tab counted since', read, twice(read), read, 3],
    ['this tab counted, the other did not', twice(read), read, read, 3],
    ['nothing read (a state made on this page)', twice(base), read, undefined, 3],
    [
      'what was read was another person’s',
      twice(base),
      read,
      { ...read, user: { ...read.user, anonymousId: 'a0' } },
      3,
    ],
  ])('adds the counts each tab made: %s', (_, mine, stored, from, expected) => {
    expect(mergeStored(mine, stored, from).eventCounts).toEqual({ export: expected })
  })

  it('leaves out the state of another person (after reset)', () => {
    const other = recordShown(
      { ...base, user: { ...base.user, anonymousId: 'a0' } },
      'survey',
      'nps',
      1,
    )
    expect(mergeStored(base, other)).toBe(base)
  })

  it('leaves out the state of another signed-in user on this browser', () => {
    const signedIn = (id: string) => ({ ...base, user: { ...base.user, id, known: true } })
    const other = recordEvent(recordShown(signedIn('u_1'), 'survey', 'nps', 1), 'export')
    const mine = signedIn('u_2')
    expect(mergeStored(mine, other)).toBe(mine)
    // The anonymous visitor who then signed in is the same person.
    expect(mergeStored(signedIn('u_1'), recordEvent(base, 'export')).eventCounts).toEqual({
      export: 1,
    })
  })

  it('takes the person another tab changed to (a reset there) over this tab’s older one', () => {
    const signedIn = { ...base, user: { ...base.user, id: 'u_1', known: true } }
    const afterReset = createTargetingState({ anonymousId: 'a2', sessionId: 's2', now: 5 })
    // This tab, still on u_1 as it read it, tracks an event: the store keeps the new visitor.
    const mine = { ...recordEvent(signedIn, 'export'), page: { url: '/here' } }
    expect(mergeStored(mine, afterReset, signedIn)).toEqual({ ...afterReset, page: mine.page })
    // The reset was this tab's own, since it read u_1: its new visitor is stored.
    expect(mergeStored(afterReset, signedIn, signedIn)).toBe(afterReset)
  })

  it('takes who the visitor is from the other tab, unless this tab changed it since', () => {
    const signedIn = recordIdentity(base, 'u_1', { plan: 'pro' })
    // Signed in in the other tab; this tab, on the anonymous visitor it read, tracks an event.
    expect(mergeStored(recordEvent(base, 'export'), signedIn, base).user).toBe(signedIn.user)
    // Signed in here since: this tab's user.
    expect(mergeStored(signedIn, base, base).user).toBe(signedIn.user)
  })

  it('keeps a tour in progress unless the other side ended that run of it', () => {
    const started = recordStep(recordShown(base, 'tour', 'welcome', 1_000), 'tour', 'welcome', 1)
    // This tab is on step 2; what is stored is its own earlier save, on step 1.
    const mine = recordStep(started, 'tour', 'welcome', 2)
    expect(mergeStored(mine, started).history['tour:welcome']?.step).toBe(2)
    // This tab completed it; the stored step 1 from before does not bring it back.
    const done = recordCompleted(mine, 'tour', 'welcome', 2_000)
    expect(mergeStored(done, started).history['tour:welcome']?.step).toBeUndefined()
    // Another tab dismissed the run this tab is on: it does not resume.
    const dismissed = recordDismissed(started, 'tour', 'welcome', 1_500)
    expect(mergeStored(mine, dismissed).history['tour:welcome']?.step).toBeUndefined()
  })

  it('takes the step another tab moved a tour on to, unless this tab moved it since', () => {
    const read = recordStep(recordShown(base, 'tour', 'welcome', 1_000), 'tour', 'welcome', 0)
    // The tour is on screen in the other tab, which is now on step 2.
    const other = recordStep(read, 'tour', 'welcome', 2)
    // This tab saves (an event) with the step it read: the other tab's stays.
    expect(mergeStored(read, other, read).history['tour:welcome']?.step).toBe(2)
    // This tab moved it (the tour went on here): its own.
    const moved = recordStep(read, 'tour', 'welcome', 1)
    expect(mergeStored(moved, read, read).history['tour:welcome']?.step).toBe(1)
  })

  // The id says where the step is in a new version of the tour: it must be the step's own.
  it('keeps a step and its id together, from whichever side it comes', () => {
    const read = recordStep(recordShown(base, 'tour', 'welcome', 1_000), 'tour', 'welcome', 0, 'a')
    const other = recordStep(read, 'tour', 'welcome', 2, 'c')
    expect(mergeStored(read, other, read).history['tour:welcome']).toMatchObject({
      step: 2,
      stepId: 'c',
    })
    const moved = recordStep(read, 'tour', 'welcome', 1, 'b')
    expect(mergeStored(moved, other, read).history['tour:welcome']).toMatchObject({
      step: 1,
      stepId: 'b',
    })
  })

  it('does not turn an event named __proto__ into a prototype', () => {
    const mine = recordEvent(base, '__proto__')
    const merged = mergeStored(mine, base)
    expect(Object.getPrototypeOf(merged.eventCounts)).toBe(Object.prototype)
    expect(Object.hasOwn(merged.eventCounts, '__proto__')).toBe(true)
  })
})
