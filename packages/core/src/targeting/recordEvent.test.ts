import { describe, expect, it } from 'vitest'
import { createTargetingState } from './createTargetingState'
import { MAX_EVENT_NAMES, recordEvent } from './recordEvent'

const base = Object.freeze(createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 }))

describe('recordEvent', () => {
  it.each([
    [['export'], { export: 1 }],
    [['export', 'export', 'share'], { export: 2, share: 1 }],
    [['constructor'], { constructor: 1 }],
    [['__proto__', '__proto__'], JSON.parse('{"__proto__":2}')],
  ])('counts %j', (names, counts) => {
    const state = names.reduce(recordEvent, base)
    expect(state.eventCounts).toEqual(counts)
    expect(Object.getPrototypeOf(state.eventCounts)).toBe(Object.prototype)
  })

  it('leaves the given state alone', () => {
    const next = recordEvent(base, 'export')
    expect(base.eventCounts).toEqual({})
    expect(next.history).toBe(base.history)
  })

  // A host naming each item viewed (view_item_18342) tracks a new name at every view: the
  // counts are copied at each event and stored with the state, so they must stop growing.
  it(`counts at most ${MAX_EVENT_NAMES} names: a new one past them goes uncounted`, () => {
    let state: typeof base = base
    for (let i = 0; i < MAX_EVENT_NAMES + 50; i++) state = recordEvent(state, `view_item_${i}`)
    expect(Object.keys(state.eventCounts)).toHaveLength(MAX_EVENT_NAMES)
    expect(recordEvent(state, 'export').eventCounts).not.toHaveProperty('export')
    expect(recordEvent(state, 'view_item_7').eventCounts.view_item_7).toBe(2)
  })
})
