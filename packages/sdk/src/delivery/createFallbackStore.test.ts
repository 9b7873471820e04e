import { createMemoryStore, createRecord, type Store } from '@sonde/core'
import { describe, expect, it, vi } from 'vitest'
import { memoryCopies } from '../test/memoryCopies'
import { createFallbackStore } from './createFallbackStore'
import { saveUnsent, takeUnsent, UNSENT } from './unsentCopy'

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
    const store = createFallbackStore(primary, memoryCopies())
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
    const store = createFallbackStore(failing(error), memoryCopies(), onFallback)
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
    const store = createFallbackStore(flaky, memoryCopies())
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
    const store = createFallbackStore(slow, memoryCopies())
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
    const store = createFallbackStore(flaky, memoryCopies())
    expect(await store.addMeta('dropped', 3)).toBe(3)
    broken = true
    expect(await store.getMeta('dropped')).toBe(3)
    expect(store.degraded()).toBe(true)
    expect(await store.addMeta('dropped', -1)).toBe(2)
  })

  it('passes on what the primary removed by itself', async () => {
    const removed = [{ id: 'x', reason: 'corrupt' }]
    const store = createFallbackStore(
      { ...createMemoryStore(), takeRemoved: () => removed },
      memoryCopies(),
    )
    expect(store.takeRemoved()).toEqual(removed)
  })

  it('starts in memory when there is no primary store', async () => {
    const store = createFallbackStore(null, memoryCopies())
    await store.setMeta('dropped', 2)
    expect(await store.getMeta('dropped')).toBe(2)
    expect(store.degraded()).toBe(true)
  })

  describe('as the page goes (keepUnsent)', () => {
    const hanging = (): Store => ({ ...createMemoryStore(), put: () => new Promise(() => {}) })

    it('copies to localStorage a write the store has not confirmed', () => {
      const keep = memoryCopies()
      const store = createFallbackStore(hanging(), keep)
      void store.put([record('a')])
      store.keepUnsent()
      expect(takeUnsent(keep, true).map((r) => r.event.id)).toEqual(['evt-a-0000'])
    })

    it('copies nothing once the visitor has opted out, here or in another tab', async () => {
      const keep = memoryCopies()
      const store = createFallbackStore(null, keep)
      await store.put([record('a')])
      // Another tab's optOut() (createConsent), stored in the same namespace: this tab's
      // outbox runs on until its next event, and then the tab is closed.
      keep.set('optout', '1')
      store.keepUnsent()
      expect(keep.get(UNSENT)).toBeNull()
    })

    it('copies nothing once the store has confirmed its writes', async () => {
      const keep = memoryCopies()
      const store = createFallbackStore(createMemoryStore(), keep)
      await store.put([record('a')])
      store.keepUnsent()
      expect(keep.get(UNSENT)).toBeNull()
    })

    it('copies every record it holds once in memory, the old ones too', async () => {
      const keep = memoryCopies()
      const primary = createMemoryStore()
      let broken = false
      const flaky: Store = {
        ...primary,
        put: (records) => (broken ? Promise.reject(new Error('full')) : primary.put(records)),
      }
      const store = createFallbackStore(flaky, keep)
      await store.put([record('old'), record('acked')])
      await store.delete(['evt-acked-0000'])
      broken = true
      await store.put([record('new')])
      expect(store.degraded()).toBe(true)
      store.keepUnsent()
      expect(
        takeUnsent(keep, true)
          .map((r) => r.event.id)
          .sort(),
      ).toEqual(['evt-new-0000', 'evt-old-0000'])
    })

    it('copies nothing of a record acked before the page goes', async () => {
      const keep = memoryCopies()
      const store = createFallbackStore(null, keep)
      await store.put([record('a'), record('b')])
      await store.delete(['evt-a-0000'])
      store.keepUnsent()
      expect(takeUnsent(keep, true).map((r) => r.event.id)).toEqual(['evt-b-0000'])
    })

    it('takes back what a page that went left, at its first read, and stores it', async () => {
      const keep = memoryCopies()
      saveUnsent(keep, [record('left')])
      const primary = createMemoryStore()
      const store = createFallbackStore(primary, keep)
      expect((await store.all()).map((r) => r.event.id)).toEqual(['evt-left-0000'])
      expect((await primary.all()).map((r) => r.event.id)).toEqual(['evt-left-0000'])
      expect(keep.get(UNSENT)).toBeNull()
    })

    it('removes from the copy what is acked meanwhile (another tab copied it as it was hidden)', async () => {
      const keep = memoryCopies()
      const store = createFallbackStore(createMemoryStore(), keep)
      saveUnsent(keep, [record('a'), record('b')])
      await store.delete(['evt-a-0000'])
      expect(takeUnsent(keep, true).map((r) => r.event.id)).toEqual(['evt-b-0000'])
    })
  })
})
