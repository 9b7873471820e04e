import { describe, expect, it } from 'vitest'
import { createTargetingState } from './createTargetingState'

describe('createTargetingState', () => {
  it('starts an anonymous person with nothing recorded', () => {
    expect(createTargetingState({ anonymousId: 'a1', sessionId: 's1', now: 1000 })).toEqual({
      user: { id: undefined, anonymousId: 'a1', known: false, traits: {} },
      session: { id: 's1', startedAt: 1000, pageViews: 0, prompts: 0 },
      eventCounts: {},
      page: { url: '/' },
      device: undefined,
      locale: undefined,
      history: {},
    })
  })

  it('marks a person with a user id as known and copies the traits', () => {
    const traits = { plan: 'pro' }
    const state = createTargetingState({
      anonymousId: 'a1',
      sessionId: 's1',
      now: 0,
      userId: 'u_42',
      traits,
      url: 'https://acme.com/app',
      device: 'mobile',
      locale: 'fr-CA',
    })
    expect(state.user).toEqual({ id: 'u_42', anonymousId: 'a1', known: true, traits })
    expect(state.user.traits).not.toBe(traits)
    expect(state).toMatchObject({ page: { url: 'https://acme.com/app' }, device: 'mobile' })
  })

  it('survives a JSON round trip, as the caller stores it', () => {
    const state = createTargetingState({ anonymousId: 'a', sessionId: 's', now: 5, userId: 'u' })
    expect(JSON.parse(JSON.stringify(state))).toEqual(JSON.parse(JSON.stringify(state)))
    expect(JSON.parse(JSON.stringify(state))).toMatchObject({ user: { id: 'u', known: true } })
  })
})
