import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { storeName } from './storeName'

// How database names were made before: FNV-1a over code points. Existing outboxes keep their name.
function byCodePoints(endpoint: string, key = ''): string {
  let hash = 0x811c9dc5
  for (const char of `${endpoint}\u0000${key}`) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return `sonde-outbox-${hash.toString(36)}`
}

describe('storeName', () => {
  it('names one database per endpoint and key', () => {
    const a = storeName('https://c.test/v1/batch', 'pk_a')
    expect(a).toMatch(/^sonde-outbox-[0-9a-z]+$/)
    expect(storeName('https://c.test/v1/batch', 'pk_b')).not.toBe(a)
    expect(storeName('https://d.test/v1/batch', 'pk_a')).not.toBe(a)
  })

  it('keeps the names databases were given before, for every URL and key below U+FFFF', () => {
    const url = fc.webUrl().map((u) => new URL(u).href)
    const key = fc.string({ unit: 'binary-ascii' })
    const bmp = fc.string({ unit: 'grapheme' }).filter((s) => [...s].every((c) => c.length === 1))
    fc.assert(
      fc.property(url, fc.oneof(key, bmp), (endpoint, k) => {
        expect(storeName(endpoint, k)).toBe(byCodePoints(endpoint, k))
      }),
    )
  })
})
