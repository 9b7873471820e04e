import { describe, expect, it } from 'vitest'
import { createTargetingState } from './createTargetingState'
import { recordPageView } from './recordPageView'
import { recordShown } from './recordShown'
import { startSession } from './startSession'

describe('startSession', () => {
  it('resets page views and prompts but keeps history and the cooldown', () => {
    const base = createTargetingState({ anonymousId: 'a', sessionId: 's1', now: 0 })
    const before = Object.freeze(recordShown(recordPageView(base, '/a'), 'survey', 'nps', 50))
    const state = startSession(before, 's2', 5000)
    expect(state.session).toEqual({ id: 's2', startedAt: 5000, pageViews: 0, prompts: 0 })
    expect(state.history).toBe(before.history)
    expect(state.lastPromptAt).toBe(50)
    expect(before.session.id).toBe('s1')
  })
})
