import { describe, expect, it } from 'vitest'
import { createTargetingState } from './createTargetingState'
import { recordShown } from './recordShown'

const base = Object.freeze(createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 }))

describe('recordShown', () => {
  it('counts a survey, starts the cooldown and uses a session prompt', () => {
    const state = recordShown(recordShown(base, 'survey', 'nps', 100), 'survey', 'nps', 200)
    expect(state.history).toEqual({ 'survey:nps': { shown: 2, lastShownAt: 200 } })
    expect(state.lastPromptAt).toBe(200)
    expect(state.session.prompts).toBe(2)
    expect(base.history).toEqual({})
    expect(base.session.prompts).toBe(0)
  })

  it('counts a tour apart, outside the global rules', () => {
    const state = recordShown(base, 'tour', 'nps', 100)
    expect(state.history).toEqual({ 'tour:nps': { shown: 1, lastShownAt: 100 } })
    expect(state.lastPromptAt).toBeUndefined()
    expect(state.session.prompts).toBe(0)
  })

  it('keeps the rest of the record', () => {
    const before = { ...base, history: { 'survey:nps': { shown: 1, completedAt: 5 } } }
    expect(recordShown(before, 'survey', 'nps', 9).history['survey:nps']).toEqual({
      shown: 2,
      lastShownAt: 9,
      completedAt: 5,
    })
  })
})
