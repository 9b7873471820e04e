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
})
