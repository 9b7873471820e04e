import { type Batch, createRecord, type SondeEvent, type Transport } from '@sonde/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as chunk from '../chunks/delivery'
import { createIdbStore } from './createIdbStore'
import { type DeferredDelivery, type DeliveryChunk, deferDelivery } from './deferDelivery'
import { channelName } from './openChannel'
import { storeName } from './storeName'

let n = 0
const event = (): SondeEvent => ({
  id: `evt-${Date.now()}-${++n}`,
  type: 'survey.shown',
  at: new Date().toISOString(),
  surveyId: 'nps-q4',
  responseId: `resp-${n}`,
  seq: 0,
})

// A receiver that acks everything and records what it saw.
function receiver() {
  const batches: Batch[] = []
  const transport: Transport = {
    async send(batch) {
      batches.push(structuredClone(batch))
      return { status: 200, body: { accepted: batch.events.map((e) => e.id), rejected: [] } }
    },
  }
  return { transport, ids: () => batches.flatMap((b) => b.events.map((e) => e.id)) }
}

// The chunk loader, counted; `failures` first loads reject like a chunk that cannot be fetched.
function loader(failures = 0) {
  const load = vi.fn(async (): Promise<DeliveryChunk> => {
    if (failures-- > 0) throw new TypeError('Failed to fetch dynamically imported module')
    return chunk
  })
  return load
}

const running: DeferredDelivery[] = []
const defer = (load: () => Promise<DeliveryChunk>, endpoint: string, transport: Transport) => {
  const delivery = deferDelivery(load, { endpoint, sdkVersion: 'test', transport })
  running.push(delivery)
  return delivery
}
afterEach(() => {
  vi.useRealTimers()
  for (const d of running.splice(0)) d.stop()
})
const endpoint = () => `https://collect.test/${crypto.randomUUID()}`
const open = IDBFactory.prototype.open
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms))

describe('deferDelivery in Chromium', () => {
  it('never loads the outbox on a page with nothing to send', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const load = loader()
    const delivery = defer(load, endpoint(), receiver().transport)
    // Past the look for what an earlier page left, which finds nothing.
    vi.advanceTimersByTime(3_000)
    vi.useRealTimers()
    await settle()
    expect(load).not.toHaveBeenCalled()
    expect(delivery.pending()).toBe(0)
  })

  // Where IndexedDB is barred (an open that throws a SecurityError in some private modes, or
  // fails with an UnknownError in a third-party iframe whose storage is blocked), no earlier
  // page can have left anything there that the outbox could read.
  it.each([
    [
      'throws',
      () => {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    ],
    [
      'fails',
      function (this: IDBFactory) {
        // Below the version the database has: the request fails (its error event), as a barred
        // one does.
        return open.call(this, 'sonde-newer', 1)
      },
    ],
  ])('never loads the outbox on a quiet page where opening IndexedDB %s', async (_, barred) => {
    await new Promise((resolve) => {
      const request = open.call(indexedDB, 'sonde-newer', 2)
      request.onsuccess = () => resolve(request.result.close())
    })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    IDBFactory.prototype.open = barred as IDBFactory['open']
    try {
      const load = loader()
      defer(load, endpoint(), receiver().transport)
      vi.advanceTimersByTime(3_000)
      vi.useRealTimers()
      await settle()
      expect(load).not.toHaveBeenCalled()
    } finally {
      IDBFactory.prototype.open = open
    }
  })

  it('loads it for what an earlier page left, once the page has started, and sends that', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const url = endpoint()
    const left = createRecord(event(), Date.now())
    await createIdbStore({ name: storeName(url) }).put([left])
    const load = loader()
    const { transport, ids } = receiver()
    defer(load, url, transport)
    // Not during the host's start: IndexedDB round trips (no timers) give a look begun now
    // the time to finish.
    vi.advanceTimersByTime(2_900)
    for (let i = 0; i < 3; i++) await createIdbStore({ name: storeName(url) }).all()
    expect(load).not.toHaveBeenCalled()
    vi.advanceTimersByTime(100)
    vi.useRealTimers()
    await vi.waitFor(() => expect(ids()).toEqual([left.event.id]))
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('loads it for the first event, keeping events in order', async () => {
    const load = loader()
    const { transport, ids } = receiver()
    const delivery = defer(load, endpoint(), transport)
    const events = [event(), event(), event()]
    const stored = events.map((e) => delivery.enqueue(e))
    expect(await Promise.all(stored)).toEqual([true, true, true])
    await delivery.flush()
    expect(ids()).toEqual(events.map((e) => e.id))
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('keeps events while the chunk cannot load, and delivers them once it can', async () => {
    const load = loader(1)
    const { transport, ids } = receiver()
    const delivery = defer(load, endpoint(), transport)
    const e = event()
    const stored = delivery.enqueue(e)
    // flush does not hang on a chunk that failed: it says what waits.
    expect(await delivery.flush()).toEqual({ sent: 0, pending: 1 })
    expect(delivery.pending()).toBe(1)
    // Back online: the next attempt comes at once instead of after its pause.
    window.dispatchEvent(new Event('online'))
    expect(await stored).toBe(true)
    await vi.waitFor(() => expect(ids()).toEqual([e.id]))
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('flush does not hang on a load that hangs: after 10 s it says what waits', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const hanging = vi.fn(() => new Promise<DeliveryChunk>(() => {}))
    const delivery = defer(hanging, endpoint(), receiver().transport)
    void delivery.enqueue(event())
    const flushed = vi.fn()
    void delivery.flush().then(flushed)
    await vi.advanceTimersByTimeAsync(9_000)
    expect(flushed).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(flushed).toHaveBeenCalledWith({ sent: 0, pending: 1 })
  })

  it('starts when another tab wakes the sender (that tab may be gone)', async () => {
    const url = endpoint()
    const load = loader()
    defer(load, url, receiver().transport)
    await settle(100)
    const other = new BroadcastChannel(channelName(url, undefined))
    other.postMessage('wake')
    other.close()
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1))
  })

  it('starts on the outbox a UI chunk brings, without loading its own', async () => {
    const load = loader()
    const { transport, ids } = receiver()
    const delivery = defer(load, endpoint(), transport)
    delivery.provide(chunk)
    const e = event()
    expect(await delivery.enqueue(e)).toBe(true)
    await vi.waitFor(() => expect(ids()).toEqual([e.id]))
    expect(load).not.toHaveBeenCalled()
  })

  it('takes a UI chunk’s outbox at once while its own load fails', async () => {
    const failing = loader(99)
    const { transport, ids } = receiver()
    const delivery = defer(failing, endpoint(), transport)
    const e = event()
    const stored = delivery.enqueue(e)
    await vi.waitFor(() => expect(failing).toHaveBeenCalledTimes(1))
    // The pause before the next attempt is 2 s: the answer is stored well before it ends.
    const provided = performance.now()
    delivery.provide(chunk)
    expect(await stored).toBe(true)
    expect(performance.now() - provided).toBeLessThan(1_500)
    await vi.waitFor(() => expect(ids()).toEqual([e.id]))
    expect(failing).toHaveBeenCalledTimes(1)
  })

  it('takes a UI chunk’s outbox at once while its own load hangs', async () => {
    // A CDN edge that never answers: the answer must not wait on that import.
    const hanging = vi.fn(() => new Promise<DeliveryChunk>(() => {}))
    const { transport, ids } = receiver()
    const delivery = defer(hanging, endpoint(), transport)
    const e = event()
    const stored = delivery.enqueue(e)
    await vi.waitFor(() => expect(hanging).toHaveBeenCalledTimes(1))
    delivery.provide(chunk)
    expect(await stored).toBe(true)
    await vi.waitFor(() => expect(ids()).toEqual([e.id]))
  })

  it('after stop never loads nor keeps a timer', async () => {
    const failing = loader(99)
    // Timers made after the failed load with the first pause's length: the pause.
    const timers: number[] = []
    const realSetTimeout = window.setTimeout
    const spy = vi.spyOn(window, 'setTimeout').mockImplementation(((
      ...args: Parameters<typeof setTimeout>
    ) => {
      const id = realSetTimeout(...args)
      if (failing.mock.calls.length > 0 && args[1] === 2_000) timers.push(id)
      return id
    }) as typeof setTimeout)
    const second = defer(failing, endpoint(), receiver().transport)
    void second.enqueue(event())
    await vi.waitFor(() => expect(failing).toHaveBeenCalledTimes(1))
    await vi.waitFor(() => expect(timers).toHaveLength(1))
    spy.mockRestore()
    // The pause before the next attempt is a timer: stop clears it, and nothing loads after.
    const cleared = vi.spyOn(window, 'clearTimeout')
    second.stop()
    expect(cleared.mock.calls.map(([id]) => id)).toContain(timers[0])
    cleared.mockRestore()
    window.dispatchEvent(new Event('online'))
    await settle(100)
    expect(failing).toHaveBeenCalledTimes(1)
  })

  it('stopped while the chunk loads: nothing made or stored after, no pause left behind', async () => {
    let reject!: (error: Error) => void
    const load = vi.fn(() => new Promise<DeliveryChunk>((_, no) => (reject = no)))
    const delivery = defer(load, endpoint(), receiver().transport)
    const make = vi.fn(() => event())
    const queued = delivery.enqueueWith(make)
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1))
    const timers = vi.spyOn(window, 'setTimeout')
    delivery.stop()
    reject(new TypeError('Failed to fetch dynamically imported module'))
    // Opted out or destroyed meanwhile: the event is not made, nor counted as queued.
    expect(await queued).toBeNull()
    expect(make).not.toHaveBeenCalled()
    expect(timers.mock.calls.filter(([, ms]) => ms === 2_000)).toEqual([])
    timers.mockRestore()
    await settle(100)
    expect(load).toHaveBeenCalledTimes(1)
  })
})
