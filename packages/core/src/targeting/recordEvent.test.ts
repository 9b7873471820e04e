import { describe, expect, it } from 'vitest'
import { createTargetingState } from './createTargetingState'
import { recordEvent } from './recordEvent'

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
})
