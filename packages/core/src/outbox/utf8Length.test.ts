import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { utf8Length } from './utf8Length'

// Any UTF-16 code unit, lone surrogates included.
const anyUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
})

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['a😀b', 6],
    ['\ud800', 3],
    ['\udc00x', 4],
    ['\ud83d\ud83d', 6],
  ])('%j is %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes)
  })

  it('agrees with Node on any string', () => {
    fc.assert(
      fc.property(anyUnits, (text) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'))
      }),
    )
  })
})
