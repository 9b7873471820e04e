import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clipText } from './clipText'

describe('clipText', () => {
  it.each([
    ['', 3, ''],
    ['abc', 3, 'abc'],
    ['abcd', 3, 'abc'],
    ['ab😀', 3, 'ab'],
    ['ab😀', 4, 'ab😀'],
    ['a😀b', 3, 'a😀'],
    ['a😀b', 2, 'a'],
    ['\udc00\udc00\udc00', 2, '\udc00\udc00'],
  ])('%j cut to %i is %j', (text, max, clipped) => {
    expect(clipText(text, max)).toBe(clipped)
  })

  it('keeps a prefix of at most max units and splits no pair it did not find split', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 40 }), (text, max) => {
        const clipped = clipText(text, max)
        expect(text.startsWith(clipped)).toBe(true)
        expect(clipped.length).toBeLessThanOrEqual(max)
        expect(clipped.length).toBeGreaterThanOrEqual(Math.min(text.length, max - 1))
        // A pair at the cut goes whole: the result never ends on half of one the text had whole.
        if (clipped.length < text.length && clipped.length > 0) {
          const last = clipped.charCodeAt(clipped.length - 1)
          const next = text.charCodeAt(clipped.length)
          expect(last >= 0xd800 && last <= 0xdbff && next >= 0xdc00 && next <= 0xdfff).toBe(false)
        }
      }),
    )
  })
})
