import { describe, expect, it, vi } from 'vitest'
import { createDeferredSonde } from './createDeferredSonde'
import { createInertSonde } from './createInertSonde'
import type { Sonde } from './types'

// A Sonde that writes down every call it receives.
function recording() {
  const calls: string[] = []
  const handlers = new Map<string, (payload: unknown) => void>()
  const sonde: Sonde = {
    ...createInertSonde(),
    identify: (id) => void calls.push(`identify ${id}`),
    track: (name) => void calls.push(`track ${name}`),
    show: (id) => void calls.push(`show ${id}`),
    canShow: () => ({ ok: true }),
    on: (type, handler) => {
      handlers.set(String(type), handler as (payload: unknown) => void)
      calls.push(`on ${String(type)}`)
      return () => void handlers.delete(String(type))
    },
    flush: async () => ({ sent: 2, pending: 0 }),
    destroy: () => void calls.push('destroy'),
  }
  return { sonde, calls, handlers }
}

describe('createDeferredSonde', () => {
  it('keeps calls in order until the Sonde is ready, then passes them straight through', async () => {
    const { sonde, calls } = recording()
    let ready!: (s: Sonde) => void
    const deferred = createDeferredSonde(new Promise((r) => (ready = r)))
    deferred.identify('u1')
    deferred.track('a')
    deferred.show('nps')
    const flushed = deferred.flush()
    expect(deferred.canShow('nps')).toEqual({ ok: false, reason: 'loading' })
    expect(calls).toEqual([])
    ready(sonde)
    expect(await flushed).toEqual({ sent: 2, pending: 0 })
    expect(calls).toEqual(['identify u1', 'track a', 'show nps'])
    deferred.track('b')
    expect(calls.at(-1)).toBe('track b')
    expect(deferred.canShow('nps')).toEqual({ ok: true })
  })

  it('subscribes listeners late, and an unsubscribe made before then holds', async () => {
    const { sonde, handlers } = recording()
    let ready!: (s: Sonde) => void
    const deferred = createDeferredSonde(new Promise((r) => (ready = r)))
    const kept = vi.fn()
    deferred.on('survey:shown', kept)
    const off = deferred.on('tour:started', vi.fn())
    off()
    ready(sonde)
    await Promise.resolve()
    expect([...handlers.keys()]).toEqual(['survey:shown'])
    handlers.get('survey:shown')?.({ surveyId: 's', responseId: 'r' })
    expect(kept).toHaveBeenCalledTimes(1)
  })

  it('becomes whatever it resolves to, an inert Sonde included', async () => {
    const deferred = createDeferredSonde(Promise.resolve(createInertSonde('invalid options')))
    expect(await deferred.flush()).toEqual({ sent: 0, pending: 0 })
    expect(deferred.canShow('x')).toEqual({ ok: false, reason: 'invalid options' })
  })

  // The validator chunk may never arrive (a CDN edge that never answers): a host awaiting flush()
  // before it navigates away (a sign-out) must not wait for good; nothing can be pending yet.
  it('resolves flush() after 10 s when the Sonde never comes, and waits for one that does', async () => {
    vi.useFakeTimers()
    try {
      const hung = createDeferredSonde(new Promise(() => {}))
      const settled = vi.fn()
      void hung.flush().then(settled)
      await vi.advanceTimersByTimeAsync(9_999)
      expect(settled).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(1)
      expect(settled).toHaveBeenCalledWith({ sent: 0, pending: 0 })
      // A Sonde that comes within them flushes as before, however long its own flush takes.
      const { sonde } = recording()
      let ready!: (s: Sonde) => void
      const slow = createDeferredSonde(new Promise((r) => (ready = r)))
      const flushed = slow.flush()
      await vi.advanceTimersByTimeAsync(5_000)
      ready({
        ...sonde,
        flush: () => new Promise((r) => setTimeout(() => r({ sent: 2, pending: 0 }), 20_000)),
      })
      await vi.advanceTimersByTimeAsync(20_000)
      expect(await flushed).toEqual({ sent: 2, pending: 0 })
    } finally {
      vi.useRealTimers()
    }
  })
})
