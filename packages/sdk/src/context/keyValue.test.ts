import { describe, expect, it } from 'vitest'
import { holdingWrites, localKeyValue } from './keyValue'

/** A Storage over a Map that notes each write, as another tab would see them. */
function storage() {
  const map = new Map<string, string>()
  const writes: string[] = []
  const fake = {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => {
      writes.push(`${key}=${value}`)
      map.set(key, value)
    },
    removeItem: (key: string) => void map.delete(key),
  } as Storage
  return { fake, map, writes }
}

describe('localKeyValue', () => {
  // 50 track() calls in one task each wrote the visit (~0.5 ms a write on a phone): a third of
  // the long task they made. Storage now takes the last value once, as the burst ends.
  it('writes what a burst set once, as it ends, and reads it back meanwhile', () => {
    const { fake, map, writes } = storage()
    const kv = localKeyValue('p:', fake)
    holdingWrites(() => {
      for (let i = 1; i <= 50; i++) kv.set('session', `${i}`)
      kv.set('anon', 'a')
      expect(kv.get('session')).toBe('50')
      expect(writes).toEqual([])
    })
    expect(writes).toEqual(['p:session=50', 'p:anon=a'])
    expect(map.get('p:session')).toBe('50')
  })

  it('writes at once outside a burst, and reads what another tab wrote', () => {
    const { fake, map, writes } = storage()
    const kv = localKeyValue('p:', fake)
    kv.set('optout', '1')
    expect(writes).toEqual(['p:optout=1'])
    holdingWrites(() => kv.set('session', 'mine'))
    map.set('p:session', 'theirs')
    expect(kv.get('session')).toBe('theirs')
  })

  // reset() and optOut() (from a listener) remove the visit in the burst of a track() that set it.
  it('writes nothing back that was removed after it was set', () => {
    const { fake, map, writes } = storage()
    const kv = localKeyValue('p:', fake)
    holdingWrites(() => {
      kv.set('session', 'old')
      kv.remove('session')
      expect(kv.get('session')).toBeNull()
    })
    expect(writes).toEqual([])
    expect(map.has('p:session')).toBe(false)
  })

  it('keeps what was set readable when storage refuses it', () => {
    const { fake } = storage()
    fake.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError')
    }
    const kv = localKeyValue('p:', fake)
    holdingWrites(() => kv.set('anon', 'a'))
    expect(kv.get('anon')).toBe('a')
  })
})
