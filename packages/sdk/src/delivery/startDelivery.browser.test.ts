import {
  type Batch,
  createMemoryStore,
  createRecord,
  type SondeEvent,
  type Transport,
  type TransportResult,
} from '@sonde/core'
import { afterEach, describe, expect, it } from 'vitest'
import { channelName } from './openChannel'
import { type Delivery, startDelivery } from './startDelivery'

let n = 0
const event = (): SondeEvent => ({
  id: `evt-${Date.now()}-${++n}`,
  type: 'survey.completed',
  at: new Date().toISOString(),
  surveyId: 'nps-q4',
  responseId: `resp-${n}-0000`,
  seq: 1,
})

// A receiver that answers with scripted statuses, then acks; it records every batch it saw.
function receiver(script: number[] = []) {
  const batches: Batch[] = []
  const transport: Transport = {
    async send(batch): Promise<TransportResult> {
      batches.push(structuredClone(batch))
      const status = script.shift() ?? 200
      if (status !== 200) return { status }
      return { status, body: { accepted: batch.events.map((e) => e.id), rejected: [] } }
    },
  }
  const ids = () => batches.flatMap((b) => b.events.map((e) => e.id))
  return { transport, batches, ids }
}

const running: Delivery[] = []
const start = (endpoint: string, transport: Transport) => {
  const delivery = startDelivery({ endpoint, sdkVersion: 'test', transport, retryCheckMs: 50 })
  running.push(delivery)
  return delivery
}
afterEach(() => {
  for (const d of running.splice(0)) d.stop()
})

const waitFor = async (check: () => boolean, ms = 3_000) => {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('startDelivery in Chromium', () => {
  it('stores an event in IndexedDB before sending, and delivers it after a restart', async () => {
    const endpoint = `https://collect.test/${crypto.randomUUID()}`
    const down = receiver([503, 503, 503, 503, 503, 503, 503, 503])
    const first = start(endpoint, down.transport)
    const e = event()
    expect(await first.enqueue(e)).toBe(true)
    expect(await first.flush()).toEqual({ sent: 0, pending: 1 })
    first.stop()
    // A new page load: a fresh outbox over the same database finds the event and sends it.
    const up = receiver()
    const second = start(endpoint, up.transport)
    await waitFor(() => up.ids().includes(e.id))
    await waitFor(() => second.pending() === 0)
    expect(up.ids().filter((id) => id === e.id)).toHaveLength(1)
  })

  it('retries with the same id until acked; flush() skips the backoff wait', async () => {
    const r = receiver([500, 500, 500])
    const delivery = start(`https://collect.test/${crypto.randomUUID()}`, r.transport)
    const e = event()
    await delivery.enqueue(e)
    let last = await delivery.flush()
    // Each flush is one more attempt, at once; background sends may also take a turn.
    for (let i = 0; i < 4 && last.pending > 0; i++) last = await delivery.flush()
    expect(last.pending).toBe(0)
    expect(r.ids()).toEqual([e.id, e.id, e.id, e.id])
  })

  it('sends an event queued during a send right after it, not on the retry timer', async () => {
    const r = receiver()
    let release = () => {}
    let started = () => {}
    const sending = new Promise<void>((resolve) => (started = resolve))
    const slow: Transport = {
      async send(batch, options) {
        // The first batch waits until the second event is queued.
        if (r.batches.length === 0) {
          const held = new Promise<void>((resolve) => (release = resolve))
          started()
          await held
        }
        return r.transport.send(batch, options)
      },
    }
    const delivery = startDelivery({
      endpoint: `https://collect.test/${crypto.randomUUID()}`,
      sdkVersion: 'test',
      transport: slow,
      retryCheckMs: 60_000,
    })
    running.push(delivery)
    const [a, b] = [event(), event()]
    await delivery.enqueue(a)
    await sending
    await delivery.enqueue(b)
    release()
    await waitFor(() => r.ids().includes(b.id), 2_000)
    expect(r.ids()).toEqual([a.id, b.id])
  })

  // optOut() and destroy() end in stop(): "opt-out → no requests", a send already running included.
  it('sends no further batch once stopped, though a flush was mid-way', async () => {
    const store = createMemoryStore()
    // 150 answers an earlier page left: three batches, the first sent as the page starts.
    await store.put(Array.from({ length: 150 }, () => createRecord(event(), Date.now() - 1_000)))
    const sent: Batch[] = []
    const answers: ((result: TransportResult) => void)[] = []
    const held: Transport = {
      send: (batch) => {
        sent.push(batch)
        return new Promise((resolve) => answers.push(resolve))
      },
    }
    const delivery = startDelivery({
      endpoint: `https://collect.test/${crypto.randomUUID()}`,
      sdkVersion: 'test',
      store,
      transport: held,
    })
    running.push(delivery)
    await waitFor(() => sent.length === 1)
    delivery.stop()
    const ack = (batch: Batch) => ({
      status: 200,
      body: { accepted: batch.events.map((e) => e.id), rejected: [] },
    })
    for (let i = 0; i < 10; i++) {
      for (const answer of answers.splice(0)) answer(ack(sent.at(-1) as Batch))
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(sent).toHaveLength(1)
  })

  // Two tabs: the one holding the sender lock is told to wait an hour. The other, which never
  // held the lock since, must not send on its unload path (every switch away from it) meanwhile.
  it("keeps another tab's unload path to a Retry-After the sending tab was given", async () => {
    const endpoint = `https://collect.test/${crypto.randomUUID()}`
    const calls: string[] = []
    let answer: (result: TransportResult) => void = () => {}
    const runs = new Map<Delivery, number>()
    const tab = (label: string): Delivery => {
      const transport: Transport = {
        send() {
          calls.push(label)
          if (calls.length > 1) return Promise.resolve({ status: 503 })
          return new Promise((resolve) => (answer = resolve))
        },
      }
      const delivery: Delivery = startDelivery({
        endpoint,
        sdkVersion: 'test',
        transport,
        retryCheckMs: 60_000,
        idleCheckMs: 60_000,
        onFlushed: () => runs.set(delivery, (runs.get(delivery) ?? 0) + 1),
      })
      running.push(delivery)
      return delivery
    }
    const tabs = { a: tab('a'), b: tab('b') }
    await waitFor(() => runs.size === 2)
    await tabs.a.enqueue(event())
    await waitFor(() => calls.length === 1)
    // The other tab queues an answer while the sender's request is out: its own send finds the
    // lock taken.
    const other = calls[0] === 'a' ? tabs.b : tabs.a
    await other.enqueue(event())
    const before = runs.get(other) ?? 0
    answer({ status: 429, retryAfter: '3600' })
    await waitFor(() => (runs.get(other) ?? 0) > before)
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(calls).toHaveLength(1)
  })

  it('sends at most 48 KB per request on the unload path', async () => {
    // A receiver that keeps failing, so that ~100 KB are still pending when the page goes away.
    const r = receiver(Array.from({ length: 20 }, () => 503))
    const delivery = start(`https://collect.test/${crypto.randomUUID()}`, r.transport)
    for (let i = 0; i < 10; i++) {
      await delivery.enqueue({ ...event(), reason: 'x'.repeat(10_000) })
    }
    r.batches.length = 0
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    await waitFor(() => r.batches.length >= 2)
    for (const batch of r.batches)
      expect(new Blob([JSON.stringify(batch)]).size).toBeLessThanOrEqual(48_000)
  })
  // Some devices report navigator.onLine false while online (a VPN's interface, some Linux
  // network set-ups, a webview after sleep), and no 'online' event ever comes.
  it('delivers while navigator.onLine says false on a device that is online', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false })
    try {
      const r = receiver()
      const delivery = startDelivery({
        endpoint: `https://collect.test/${crypto.randomUUID()}`,
        sdkVersion: 'test',
        transport: r.transport,
        retryCheckMs: 50,
        idleCheckMs: 100,
      })
      running.push(delivery)
      const e = event()
      await delivery.enqueue(e)
      // Not at once: the browser's word is taken for a moment, then tried.
      expect(r.ids()).toEqual([])
      await waitFor(() => r.ids().includes(e.id), 3_000)
    } finally {
      Reflect.deleteProperty(navigator, 'onLine')
    }
  })

  // A message on the endpoint's channel also reaches the site's pages in the back/forward cache,
  // and Chrome evicts a cached page whose channel gets one: a wake at every event did that.
  it('wakes the other pages only when another tab holds the sender lock', async () => {
    const endpoint = `https://collect.test/${crypto.randomUUID()}`
    const name = channelName(endpoint, undefined)
    const heard: unknown[] = []
    const other = new BroadcastChannel(name)
    other.onmessage = (message) => heard.push(message.data)
    try {
      const up = receiver()
      const delivery = start(endpoint, up.transport)
      const alone = event()
      await delivery.enqueue(alone)
      await waitFor(() => up.ids().includes(alone.id))
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(heard).toEqual([])
      // Another tab sends now: it hears of what is new here, and this page sends it once free.
      let release = () => {}
      const held = new Promise<void>((resolve) => {
        release = resolve
      })
      await new Promise<void>((granted) => {
        void navigator.locks.request(`${name}:send`, () => {
          granted()
          return held
        })
      })
      const behind = event()
      await delivery.enqueue(behind)
      await waitFor(() => heard.length > 0)
      expect(heard).toEqual(['wake'])
      release()
      await waitFor(() => up.ids().includes(behind.id))
    } finally {
      other.close()
    }
  })
})
