import { describe, expect, it } from 'vitest'
import { fnv1a } from './fnv1a'

describe('fnv1a', () => {
  // Published FNV-1a 32-bit test vectors.
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to the reference value', (text, expected) => {
    expect(fnv1a(text)).toBe(expected)
  })

  it('gives an independent hash for another basis', () => {
    expect(fnv1a('foobar', 0x01234567)).not.toBe(fnv1a('foobar'))
    expect(fnv1a('foobar', 0x01234567)).toBe(fnv1a('foobar', 0x01234567))
  })
})
