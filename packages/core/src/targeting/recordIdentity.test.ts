import { describe, expect, it } from 'vitest'
import { createTargetingState } from './createTargetingState'
import { recordCompleted } from './recordCompleted'
import { recordEvent } from './recordEvent'
import { recordIdentity } from './recordIdentity'
import { recordShown } from './recordShown'

describe('recordIdentity', () => {
  it('makes the user known and merges traits', () => {
    const base = Object.freeze(
      createTargetingState({
        anonymousId: 'a',
        sessionId: 's',
        now: 0,
        traits: { plan: 'free', x: 1 },
      }),
    )
    const state = recordIdentity(base, 'u_42', { plan: 'pro' })
    expect(state.user).toEqual({
      id: 'u_42',
      anonymousId: 'a',
      known: true,
      traits: { plan: 'pro', x: 1 },
    })
    expect(base.user.known).toBe(false)
    expect(recordIdentity(state, 'u_42').user.traits).toEqual({ plan: 'pro', x: 1 })
  })

  it('without an id merges the traits and leaves the user anonymous', () => {
    const base = createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 })
    expect(recordIdentity(base, undefined, { plan: 'pro' }).user).toEqual({
      anonymousId: 'a',
      known: false,
      traits: { plan: 'pro' },
    })
  })

  it("starts another user's traits afresh: one person's traits never travel with another's id", () => {
    const first = recordIdentity(
      createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 }),
      'u_1',
      { email: 'ann@example.com', plan: 'pro' },
    )
    expect(recordIdentity(first, 'u_2', { plan: 'free' }).user).toEqual({
      id: 'u_2',
      anonymousId: 'a',
      known: true,
      traits: { plan: 'free' },
    })
  })

  it("starts another user's event counts and display history afresh, as reset() does", () => {
    // u_1 exported three times and answered the NPS on this browser; u_2 signs in after them.
    const first = recordIdentity(
      createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 }),
      'u_1',
    )
    const used = ['export', 'export', 'export'].reduce(
      recordEvent,
      recordCompleted(recordShown(first, 'survey', 'nps', 10), 'survey', 'nps', 20),
    )
    const second = recordIdentity(used, 'u_2')
    expect(second.eventCounts).toEqual({})
    expect(second.history).toEqual({})
    expect(second.lastPromptAt).toBeUndefined()
    // The visit is the browser's: its prompts still count.
    expect(second.session).toEqual(used.session)
  })

  it.each([
    ['the same user again', 'u_1'],
    ['an id for the anonymous visitor', undefined],
  ])('keeps the counts and history for %s', (_, before) => {
    const known = recordIdentity(
      createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 }),
      before,
    )
    const used = recordEvent(recordShown(known, 'survey', 'nps', 10), 'export')
    const state = recordIdentity(used, 'u_1')
    expect(state.eventCounts).toBe(used.eventCounts)
    expect(state.history).toBe(used.history)
    expect(state.lastPromptAt).toBe(10)
  })
})
