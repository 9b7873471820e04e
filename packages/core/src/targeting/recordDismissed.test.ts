import { describe, expect, it } from 'vitest'
import { createTargetingState } from './createTargetingState'
import { recordDismissed } from './recordDismissed'
import { recordShown } from './recordShown'

describe('recordDismissed', () => {
  it('stamps the dismissal on the record alone', () => {
    const base = createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 })
    const shown = Object.freeze(recordShown(base, 'survey', 'nps', 100))
    const state = recordDismissed(shown, 'survey', 'nps', 150)
    expect(state.history['survey:nps']).toEqual({
      shown: 1,
      lastShownAt: 100,
      lastDismissedAt: 150,
    })
    expect(state.lastPromptAt).toBe(100)
    expect(shown.history['survey:nps']?.lastDismissedAt).toBeUndefined()
  })

  it('creates a record for an item never recorded as shown', () => {
    const base = createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 })
    expect(recordDismissed(base, 'tour', 'welcome', 7).history).toEqual({
      'tour:welcome': { shown: 0, lastDismissedAt: 7 },
    })
  })
})
