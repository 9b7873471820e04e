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
  addMeta: () => Promise.reject(error),
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

  it('keeps what the primary held when it fails mid-session', async () => {
    const primary = createMemoryStore()
    await primary.put([record('old')])
    let broken = false
    const flaky: Store = {
      ...primary,
      put: (records) => (broken ? Promise.reject(new Error('full')) : primary.put(records)),
      all: () => (broken ? Promise.reject(new Error('gone')) : primary.all()),
    }
    const store = createFallbackStore(flaky)
    expect(await store.all()).toHaveLength(1)
    await store.put([record('a')])
    await store.delete(['evt-a-0000'])
    broken = true
    await store.put([record('b')])
    expect(store.degraded()).toBe(true)
    // Without the mirror the outbox, which reloads from its store, would forget `old`.
    expect((await store.all()).map((r) => r.event.id).sort()).toEqual([
      'evt-b-0000',
      'evt-old-0000',
    ])
  })

  it('does not let a read undo a write made while it ran', async () => {
    const primary = createMemoryStore()
    let release: () => void = () => {}
    let failing = false
    const slow: Store = {
      ...primary,
      all: async () => {
        const snapshot = await primary.all()
        await new Promise<void>((resolve) => (release = resolve))
        return snapshot
      },
      getMeta: () => (failing ? Promise.reject(new Error('gone')) : primary.getMeta('dropped')),
    }
    const store = createFallbackStore(slow)
    const reading = store.all()
    await new Promise((resolve) => setTimeout(resolve, 0))
    await store.put([record('new')])
    release()
    expect(await reading).toEqual([])
    failing = true
    await store.getMeta('dropped')
    expect((await store.all()).map((r) => r.event.id)).toEqual(['evt-new-0000'])
  })

  it('keeps the dropped count the primary held when it fails', async () => {
    const primary = createMemoryStore()
    let broken = false
    const flaky: Store = {
      ...primary,
      getMeta: (name) => (broken ? Promise.reject(new Error('gone')) : primary.getMeta(name)),
    }
    const store = createFallbackStore(flaky)
    expect(await store.addMeta('dropped', 3)).toBe(3)
    broken = true
    expect(await store.getMeta('dropped')).toBe(3)
    expect(store.degraded()).toBe(true)
    expect(await store.addMeta('dropped', -1)).toBe(2)
  })

  it('passes on what the primary removed by itself', async () => {
    const removed = [{ id: 'x', reason: 'corrupt' }]
    const store = createFallbackStore({ ...createMemoryStore(), takeRemoved: () => removed })
    expect(store.takeRemoved()).toEqual(removed)
  })

  it('starts in memory when there is no primary store', async () => {
    const store = createFallbackStore(null)
    await store.setMeta('dropped', 2)
    expect(await store.getMeta('dropped')).toBe(2)
    expect(store.degraded()).toBe(true)
  })
})
