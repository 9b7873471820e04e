import { createStore } from 'idb-keyval'
import { describe, expect, it } from 'vitest'
import { get, set, update } from './keyval'

const store = () => createStore(`keyval-${crypto.randomUUID()}`, 'state')

describe('get, set and update with a store of Sonde', () => {
  it('reads what was written, and updates it in place', async () => {
    const s = store()
    expect(await get('k', s)).toBeUndefined()
    await set('k', { n: 1 }, s)
    await update<{ n: number }>('k', (old) => ({ n: (old?.n ?? 0) + 1 }), s)
    expect(await get('k', s)).toEqual({ n: 2 })
  })

  it('an updater that throws: rejected, the value kept, no error in the page', async () => {
    const s = store()
    await set('k', 'kept', s)
    const pageErrors: unknown[] = []
    const onError = (event: ErrorEvent) => pageErrors.push(event.error)
    window.addEventListener('error', onError)
    try {
      const failing = update(
        'k',
        () => {
          throw new TypeError('cannot merge')
        },
        s,
      )
      expect(
        await failing.then(
          () => 'stored',
          () => 'rejected',
        ),
      ).toBe('rejected')
    } finally {
      window.removeEventListener('error', onError)
    }
    expect(await get('k', s)).toBe('kept')
    expect(pageErrors).toEqual([])
  })
})
