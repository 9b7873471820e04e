import {
  type Batch,
  createMemoryStore,
  createRecord,
  type SondeEvent,
  type Store,
  type Transport,
  type TransportResult,
} from '@sonde/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createIdbStore } from './createIdbStore'
import { type Delivery, type DeliveryOptions, startDelivery } from './startDelivery'
import { type Sender, startQueuedDelivery } from './startQueuedDelivery'
import { storeName } from './storeName'

let n = 0
const event = (type: SondeEvent['type']): SondeEvent => ({
  id: `evt-${Date.now()}-${++n}`,
  type,
  at: new Date().toISOString(),
  surveyId: 'nps-q4',
  responseId: `resp-${n}-0000`,
  seq: 1,
})

// A receiver that acks everything and records each batch it saw.
function receiver() {
  const batches: Batch[] = []
  const transport: Transport = {
    async send(batch): Promise<TransportResult> {
      batches.push(structuredClone(batch))
      return { status: 200, body: { accepted: batch.events.map((e) => e.id), rejected: [] } }
    },
  }
  const ids = () => batches.flatMap((b) => b.events.map((e) => e.id))
  return { transport, batches, ids }
}

// The sender as the chunk loads it, counting loads; `fail` refuses the next ones.
function sender() {
  const state = { loads: 0, fail: 0, started: 0 }
  // How many started senders have read the store.
  let reads = 0
  const load = async (): Promise<Sender> => {
    state.loads++
    if (state.fail > 0) {
      state.fail--
      throw new TypeError('Failed to fetch dynamically imported module')
    }
    return {
      startDelivery: (options: DeliveryOptions) => {
        state.started++
        const delivery = startDelivery(options)
        // Once it has read the store: the queue's records are its own from then on.
        void delivery.ready().then(() => reads++)
        return delivery
      },
    }
  }
  return { state, load, reads: () => reads }
}

const storedIds = async (endpoint: string) =>
  (await createIdbStore({ name: storeName(endpoint, undefined) }).all()).map((r) => r.event.id)

const running: Delivery[] = []
const start = (endpoint: string, transport: Transport, load: () => Promise<Sender>) => {
  const options = { endpoint, sdkVersion: 'test', transport, retryCheckMs: 50 }
  const delivery = startQueuedDelivery(options, load)
  running.push(delivery)
  return delivery
}
afterEach(() => {
  for (const d of running.splice(0)) d.stop()
})
// A queue on a fresh endpoint, with a counted sender and a receiver that acks everything.
const setup = () => {
  const endpoint = `https://collect.test/${crypto.randomUUID()}`
  const s = sender()
  const r = receiver()
  return { endpoint, s, r, delivery: start(endpoint, r.transport, s.load) }
}

const waitFor = (check: () => boolean) =>
  vi.waitFor(() => expect(check()).toBe(true), { timeout: 3_000, interval: 20 })

describe('startQueuedDelivery in Chromium', () => {
  it('stores a display event in IndexedDB and loads nothing to send it alone', async () => {
    const { endpoint, s, r, delivery } = setup()
    const shown = event('survey.shown')
    expect(await delivery.enqueue(shown)).toBe(true)
    expect(await storedIds(endpoint)).toEqual([shown.id])
    expect(delivery.pending()).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(s.state.loads).toBe(0)
    expect(r.batches).toEqual([])
  })

  it('loads the sender once the respondent acts, which sends everything stored, once', async () => {
    const { endpoint, s, r, delivery } = setup()
    const shown = event('survey.shown')
    const answered = event('survey.answered')
    const completed = event('survey.completed')
    await delivery.enqueue(shown)
    // Both written before the sender can start: both go to the store it takes over.
    const stored = await Promise.all([delivery.enqueue(answered), delivery.enqueue(completed)])
    expect(stored).toEqual([true, true])
    await waitFor(() => r.ids().length === 3)
    expect(r.ids().sort()).toEqual([shown.id, answered.id, completed.id].sort())
    expect(s.state).toEqual({ loads: 1, fail: 0, started: 1 })
    // From then on the sender queues and sends itself.
    const dismissed = event('survey.dismissed')
    expect(await delivery.enqueue(dismissed)).toBe(true)
    await waitFor(() => r.ids().includes(dismissed.id))
    await waitFor(() => delivery.pending() === 0)
    expect(new Set(r.ids()).size).toBe(r.ids().length)
    expect(await storedIds(endpoint)).toEqual([])
  })

  it('a sender that fails to load costs nothing stored; it is tried again after a pause', async () => {
    const { endpoint, s, r, delivery } = setup()
    s.state.fail = 2
    const answered = event('survey.answered')
    expect(await delivery.enqueue(answered)).toBe(true)
    await waitFor(() => s.state.loads === 1)
    expect(await storedIds(endpoint)).toEqual([answered.id])
    // Retried on its own (50 ms, then 100 ms here), without another event.
    await waitFor(() => r.ids().length === 1)
    expect(s.state).toEqual({ loads: 3, fail: 0, started: 1 })
    expect(r.ids()).toEqual([answered.id])
  })

  it('after a failed load, the next event tries again at once', async () => {
    const endpoint = `https://collect.test/${crypto.randomUUID()}`
    const s = sender()
    s.state.fail = 1
    const r = receiver()
    const options = { endpoint, sdkVersion: 'test', transport: r.transport, retryCheckMs: 60_000 }
    const delivery = startQueuedDelivery(options, s.load)
    running.push(delivery)
    await delivery.enqueue(event('survey.answered'))
    await waitFor(() => s.state.loads === 1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await delivery.enqueue(event('survey.completed'))
    await waitFor(() => r.ids().length === 2)
    expect(s.state).toEqual({ loads: 2, fail: 0, started: 1 })
  })

  it('loads the sender at once for what an earlier page left', async () => {
    const endpoint = `https://collect.test/${crypto.randomUUID()}`
    const left = event('survey.completed')
    await createIdbStore({ name: storeName(endpoint, undefined) }).put([
      createRecord(left, Date.now()),
    ])
    const s = sender()
    const r = receiver()
    start(endpoint, r.transport, s.load)
    await waitFor(() => r.ids().includes(left.id))
    expect(s.state.loads).toBe(1)
  })

  it('flush loads the sender and sends what waits, the display alone too', async () => {
    const { s, r, delivery } = setup()
    const started = event('tour.started')
    await delivery.enqueue(started)
    expect(s.state.loads).toBe(0)
    // The sender sends what it finds as it starts; the flush resolves once nothing waits.
    expect((await delivery.flush()).pending).toBe(0)
    expect(r.ids()).toEqual([started.id])
    expect(s.state.loads).toBe(1)
  })

  it('a flush while the sender cannot load reports what waits', async () => {
    const endpoint = `https://collect.test/${crypto.randomUUID()}`
    const s = sender()
    s.state.fail = 1
    const delivery = start(endpoint, receiver().transport, s.load)
    await delivery.enqueue(event('survey.shown'))
    expect(await delivery.flush()).toEqual({ sent: 0, pending: 1 })
  })

  it('back online with events stored, the sender loads', async () => {
    const { r, delivery } = setup()
    const shown = event('survey.shown')
    await delivery.enqueue(shown)
    window.dispatchEvent(new Event('online'))
    await waitFor(() => r.ids().includes(shown.id))
  })

  it('hidden before the sender comes: what it holds goes on the unload path, once, and stays stored', async () => {
    const { endpoint, s, r, delivery } = setup()
    const shown = event('survey.shown')
    await delivery.enqueue(shown)
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    expect(r.batches).toHaveLength(1)
    expect(r.batches[0]).toMatchObject({
      schema: 'sonde.batch/1',
      sdk: { name: 'sonde', version: 'test' },
      events: [shown],
    })
    expect(r.batches[0]?.dropped).toBeUndefined()
    // Sent once by this page's unload path, however often it is hidden.
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    expect(r.batches).toHaveLength(1)
    // No answer is awaited: it stays stored, and the sender sends it again under its id.
    expect(await storedIds(endpoint)).toEqual([shown.id])
    expect(s.state.loads).toBe(0)
    expect((await delivery.flush()).pending).toBe(0)
    expect(r.ids()).toEqual([shown.id, shown.id])
  })

  // README: a Retry-After binds every tab and page of the site until it passes.
  it('hidden before the sender comes, under a Retry-After another page was given: nothing goes', async () => {
    const endpoint = `https://collect.test/${crypto.randomUUID()}`
    const db = createIdbStore({ name: storeName(endpoint, undefined) })
    await db.setMeta('notBefore', Date.now() + 600_000)
    const r = receiver()
    const delivery = start(endpoint, r.transport, sender().load)
    const shown = event('survey.shown')
    await delivery.enqueue(shown)
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    expect(r.batches).toEqual([])
    expect(await storedIds(endpoint)).toEqual([shown.id])
  })

  it('hidden once the sender has read the store: its own unload path sends, not this one', async () => {
    const endpoint = `https://collect.test/${crypto.randomUUID()}`
    const s = sender()
    // Normal sends never answer: the answer stays pending in the sender.
    const unloads: Batch[] = []
    const transport: Transport = {
      send: (batch, { unload }) => {
        if (unload) unloads.push(structuredClone(batch))
        return new Promise(() => {})
      },
    }
    const delivery = start(endpoint, transport, s.load)
    const answered = event('survey.answered')
    await delivery.enqueue(answered)
    // Started is not enough: until the sender has read the store, the queue's unload path sends
    // (the next test), as it did here on a loaded machine.
    await waitFor(() => s.reads() === 1 && delivery.pending() === 1)
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    // One request, the sender's (its envelope counts drops; the queue's has no such field).
    expect(unloads).toHaveLength(1)
    expect(unloads[0]?.events.map((e) => e.id)).toEqual([answered.id])
    expect(unloads[0]?.dropped).toBe(0)
  })

  it('hidden after the hand-over, before the sender has read the store: this one sends', async () => {
    const endpoint = `https://collect.test/${crypto.randomUUID()}`
    let read = () => {}
    const late: Sender = {
      startDelivery: (options) => {
        const real = startDelivery(options)
        return { ...real, ready: () => new Promise<void>((resolve) => (read = resolve)) }
      },
    }
    const unloads: Batch[] = []
    const transport: Transport = {
      send: (batch, { unload }) => {
        if (unload) unloads.push(structuredClone(batch))
        return new Promise(() => {})
      },
    }
    const delivery = start(endpoint, transport, async () => late)
    const completed = event('survey.completed')
    await delivery.enqueue(completed)
    await waitFor(() => delivery.pending() === 1 && unloads.length === 0)
    // Handed over, but the sender's read has not finished: its unload path would have nothing.
    await new Promise((resolve) => setTimeout(resolve, 20))
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    const mine = unloads.filter((batch) => batch.dropped === undefined)
    expect(mine.map((batch) => batch.events.map((e) => e.id))).toEqual([[completed.id]])
    read()
  })

  it('pending() counts what is stored across the hand-over, before the sender has read it', async () => {
    let read = () => {}
    let done = false
    const late: Sender = {
      startDelivery: (options) => {
        const real = startDelivery(options)
        // As a sender still reading the store: nothing in its own count yet.
        return {
          ...real,
          pending: () => (done ? real.pending() : 0),
          ready: () =>
            new Promise<void>((resolve) => {
              read = () => {
                done = true
                resolve()
              }
            }),
        }
      },
    }
    let handed = false
    const hanging: Transport = { send: () => new Promise(() => {}) }
    const endpoint = `https://collect.test/${crypto.randomUUID()}`
    const delivery = start(endpoint, hanging, async () => {
      handed = true
      return late
    })
    await delivery.enqueue(event('survey.shown'))
    await delivery.enqueue(event('survey.answered'))
    await waitFor(() => handed)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(delivery.pending()).toBe(2)
    read()
    await waitFor(() => delivery.pending() === 2)
  })

  it('flush after stop loads nothing', async () => {
    const s = sender()
    const delivery = start(
      `https://collect.test/${crypto.randomUUID()}`,
      receiver().transport,
      s.load,
    )
    await delivery.enqueue(event('survey.shown'))
    delivery.stop()
    expect(await delivery.flush()).toEqual({ sent: 0, pending: 1 })
    expect(s.state.loads).toBe(0)
  })

  // DESIGN: batches go with credentials 'omit', and no cookies; sendBeacon always sends them.
  it('goes on the unload path by fetch, keepalive within its budget, never a beacon; all stays stored', async () => {
    const endpoint = `https://collect.test/${crypto.randomUUID()}`
    const requests: RequestInit[] = []
    const fetch = vi.spyOn(window, 'fetch').mockImplementation(async (_url, init = {}) => {
      requests.push(init)
      const batch = JSON.parse(String(init.body)) as Batch
      return Response.json({ accepted: batch.events.map((e) => e.id), rejected: [] })
    })
    const beacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true)
    try {
      const s = sender()
      const delivery = startQueuedDelivery({ endpoint, sdkVersion: 'test' }, s.load)
      running.push(delivery)
      // One batch each, ~30 KB: two fit the 64 KiB keepalive budget, the third goes plainly (it
      // completes if the page was only hidden).
      const shown = [1, 2, 3].map(() => ({ ...event('survey.shown'), reason: 'x'.repeat(30_000) }))
      for (const e of shown) await delivery.enqueue(e)
      window.dispatchEvent(new PageTransitionEvent('pagehide'))
      expect(beacon).not.toHaveBeenCalled()
      expect(requests.map((init) => [init.keepalive, init.credentials])).toEqual([
        [true, 'omit'],
        [true, 'omit'],
        [false, 'omit'],
      ])
      const ids = shown.map((e) => e.id).sort()
      expect((await storedIds(endpoint)).sort()).toEqual(ids)
      // The sender sends all three again, under their ids.
      expect((await delivery.flush()).pending).toBe(0)
      const later = requests.slice(3).map((init) => JSON.parse(String(init.body)) as Batch)
      expect(later.flatMap((b) => b.events.map((e) => e.id)).sort()).toEqual(ids)
      expect(beacon).not.toHaveBeenCalled()
    } finally {
      fetch.mockRestore()
      beacon.mockRestore()
    }
  })

  it('a long queue goes out on the unload path in batches within the limits', async () => {
    const { r, delivery } = setup()
    const shown = Array.from({ length: 120 }, () => event('survey.shown'))
    await Promise.all(shown.map((e) => delivery.enqueue(e)))
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    expect(r.batches.map((batch) => batch.events.length)).toEqual([50, 50, 20])
    expect(new Set(r.batches.map((batch) => batch.batchId)).size).toBe(3)
    expect(r.ids()).toEqual(shown.map((e) => e.id))
  })

  it('an event written while the hand-over waits on earlier writes is in what the sender reads', async () => {
    const memory = createMemoryStore()
    const gates: Array<() => void> = []
    const store: Store = {
      ...memory,
      put: (records) =>
        new Promise<void>((resolve) => gates.push(resolve)).then(() => memory.put(records)),
    }
    const s = sender()
    const r = receiver()
    const options = {
      endpoint: `https://collect.test/${crypto.randomUUID()}`,
      sdkVersion: 'test',
      transport: r.transport,
      retryCheckMs: 50,
      store,
    }
    const delivery = startQueuedDelivery(options, s.load)
    running.push(delivery)
    const answered = event('survey.answered')
    const first = delivery.enqueue(answered)
    // The sender has loaded and waits for the first write when the second begins.
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(s.state.started).toBe(0)
    const completed = event('survey.completed')
    const second = delivery.enqueue(completed)
    for (const open of gates.splice(0)) open()
    await Promise.all([first, second])
    await waitFor(() => r.ids().length === 2)
    expect(r.ids().sort()).toEqual([answered.id, completed.id].sort())
  })

  it('stopped while the sender loads: it never starts, what was stored stays', async () => {
    const { endpoint, s, r, delivery } = setup()
    const answered = event('survey.answered')
    const write = delivery.enqueue(answered)
    delivery.stop()
    expect(await write).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(s.state.started).toBe(0)
    expect(r.batches).toEqual([])
    expect(await delivery.enqueue(event('survey.completed'))).toBe(false)
    expect(await storedIds(endpoint)).toEqual([answered.id])
  })
})
