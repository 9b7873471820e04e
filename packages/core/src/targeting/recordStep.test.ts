import { describe, expect, it } from 'vitest'
import { createTargetingState } from './createTargetingState'
import { recordCompleted } from './recordCompleted'
import { recordDismissed } from './recordDismissed'
import { recordShown } from './recordShown'
import { recordStep } from './recordStep'

const fresh = () => createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 })

describe('recordStep', () => {
  it('keeps the current step, and its id, beside the display history', () => {
    const state = recordStep(recordShown(fresh(), 'tour', 'welcome', 10), 'tour', 'welcome', 2)
    expect(state.history['tour:welcome']).toEqual({ shown: 1, lastShownAt: 10, step: 2 })
    const named = recordStep(state, 'tour', 'welcome', 3, 'export')
    expect(named.history['tour:welcome']).toEqual({
      shown: 1,
      lastShownAt: 10,
      step: 3,
      stepId: 'export',
    })
  })

  it.each([
    ['completion', recordCompleted, { shown: 1, lastShownAt: 10, completedAt: 20 }],
    ['dismissal', recordDismissed, { shown: 1, lastShownAt: 10, lastDismissedAt: 20 }],
  ] as const)('is forgotten at %s', (_, end, expected) => {
    const shown = recordShown(fresh(), 'tour', 'welcome', 10)
    const midway = recordStep(shown, 'tour', 'welcome', 1, 'export')
    expect(end(midway, 'tour', 'welcome', 20).history['tour:welcome']).toStrictEqual(expected)
  })

  it('leaves the state it was given unchanged', () => {
    const before = fresh()
    recordStep(before, 'tour', 'welcome', 3)
    expect(before.history).toEqual({})
  })
})
