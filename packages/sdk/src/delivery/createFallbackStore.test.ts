import { createMemoryStore, createRecord, type Store } from '@sonde/core'
import { describe, expect, it, vi } from 'vitest'
import { createFallbackStore } from './createFallbackStore'

const record = (id: string) =>
  createRecord({ id: `evt-${id}-0000`, type: 'survey.shown', at: '2026-11-26T10:00:00.000Z' }, 0)

const failing = (error: unknown): Store => ({
  put: () => Promise.reject(error),
  delete: () => Promise.reject(error),
  all: () => Promise.reject(error),
  getMeta: () => Promise.reject(error),
  setMeta: () => Promise.reject(error),
})

describe('createFallbackStore', () => {
  it('uses the primary store while it works', async () => {
    const primary = createMemoryStore()
    const store = createFallbackStore(primary)
    await store.put([record('a')])
    expect((await primary.all()).map((r) => r.event.id)).toEqual(['evt-a-0000'])
    expect(store.degraded()).toBe(false)
  })

  it.each([
    ['a thrown error', new DOMException('nope', 'UnknownError')],
    ['a timeout', new DOMException('timed out', 'TimeoutError')],
    ['a non-error rejection', 'weird'],
  ])('switches to memory for good after %s, keeping the write', async (_, error) => {
    const onFallback = vi.fn()
    const store = createFallbackStore(failing(error), onFallback)
    await store.put([record('a')])
    await store.put([record('b')])
    expect((await store.all()).map((r) => r.event.id)).toEqual(['evt-a-0000', 'evt-b-0000'])
    expect(store.degraded()).toBe(true)
    expect(onFallback).toHaveBeenCalledTimes(1)
    expect(onFallback).toHaveBeenCalledWith(error)
  })

  it('starts in memory when there is no primary store', async () => {
    const store = createFallbackStore(null)
    await store.setMeta('dropped', 2)
    expect(await store.getMeta('dropped')).toBe(2)
    expect(store.degraded()).toBe(true)
  })
})
