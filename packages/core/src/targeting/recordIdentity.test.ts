import { describe, expect, it } from 'vitest'
import { createTargetingState } from './createTargetingState'
import { recordIdentity } from './recordIdentity'

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
})
