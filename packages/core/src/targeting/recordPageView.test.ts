import { describe, expect, it } from 'vitest'
import { createTargetingState } from './createTargetingState'
import { recordPageView } from './recordPageView'

describe('recordPageView', () => {
  it('moves to the URL and counts the view, without touching the given state', () => {
    const base = Object.freeze(createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 }))
    const state = recordPageView(recordPageView(base, '/app'), '/reports?x=1')
    expect(state.page.url).toBe('/reports?x=1')
    expect(state.session.pageViews).toBe(2)
    expect(base.session.pageViews).toBe(0)
    expect(base.page.url).toBe('/')
  })

  it('takes the visit’s count when given (the views of every tab)', () => {
    const base = createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 })
    expect(recordPageView(recordPageView(base, '/app'), '/reports', 5).session.pageViews).toBe(5)
  })
})
