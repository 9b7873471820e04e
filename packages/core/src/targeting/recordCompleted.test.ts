import { describe, expect, it } from 'vitest'
import { createTargetingState } from './createTargetingState'
import { recordCompleted } from './recordCompleted'
import { recordShown } from './recordShown'

describe('recordCompleted', () => {
  it('stamps the completion on the record alone', () => {
    const base = createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 })
    const shown = Object.freeze(recordShown(base, 'tour', 'welcome', 100))
    const state = recordCompleted(shown, 'tour', 'welcome', 180)
    expect(state.history).toEqual({
      'tour:welcome': { shown: 1, lastShownAt: 100, completedAt: 180 },
    })
    expect(shown.history['tour:welcome']?.completedAt).toBeUndefined()
  })
})
