import { type Batch, createRecord, type SondeEvent } from '@sonde/core'
import { createStore, entries, setMany } from 'idb-keyval'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { page } from 'vitest/browser'
import acme from '../../../../test/fixtures/acme.config.json'
import { init } from '../init'
import { deleteDatabase } from '../test/deleteDatabase'
import { keepConnections } from '../test/keepConnections'
import { createFetchTransport } from './createFetchTransport'
import { hasQueued } from './hasQueued'
import { type Delivery, startDelivery } from './startDelivery'
import { storeName } from './storeName'

// Issue 3, test 7, at the delivery layer: IndexedDB missing, hanging, full or closing under the
// SDK. `enqueue` must resolve within 3 s (the store's 1.5 s timeout, plus room), say whether the
// event is durable, and every event must still be delivered. The page-level twin, which also
// counts page errors, is test/e2e/storage.e2e.ts.

let n = 0
const event = (): SondeEvent => ({
  id: `evt-${Date.now()}-${++n}-idb`,
  type: 'survey.completed',
  at: new Date().toISOString(),
  surveyId: 'csat-ticket',
})

// Replaces `target[key]` until the test ends.
const restores: (() => void)[] = []
function override(target: object, key: string, value: unknown) {
  const own = Object.getOwnPropertyDescriptor(target, key)
  Object.defineProperty(target, key, { configurable: true, writable: true, value })
  restores.push(() =>
    own ? Object.defineProperty(target, key, own) : Reflect.deleteProperty(target, key),
  )
}
function setOnline(value: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => value })
  restores.push(() => Reflect.deleteProperty(navigator, 'onLine'))
  if (value) window.dispatchEvent(new Event('online'))
}

const running: Delivery[] = []
afterEach(() => {
  for (const d of running.splice(0)) d.stop()
  for (const restore of restores.splice(0).reverse()) restore()
})

function start(endpoint = `https://collect.test/${crypto.randomUUID()}`) {
  const batches: Batch[] = []
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const batch = JSON.parse(String(init?.body)) as Batch
    batches.push(batch)
    return Response.json({ accepted: batch.events.map((e) => e.id), rejected: [] })
  }
  const degraded: unknown[] = []
  // What the debug log says: the one line for the outbox in memory, with the error.
  const said: unknown[][] = []
  const delivery = startDelivery({
    endpoint,
    sdkVersion: 'test',
    transport: createFetchTransport(endpoint, { fetch }),
    retryCheckMs: 50,
    onDegraded: (error) => degraded.push(error),
    log: { debug: (...line) => said.push(line), error: () => {} },
  })
  running.push(delivery)
  const delivered = () => batches.flatMap((b) => b.events.map((e) => e.id))
  return { endpoint, delivery, delivered, degraded, said }
}

const IN_MEMORY = 'answers wait in memory: IndexedDB is missing or failed'

// Enqueues at once, racing the database's opening, and times it.
async function timedEnqueue(delivery: Delivery, e: SondeEvent) {
  const started = performance.now()
  const stored = await delivery.enqueue(e)
  return { stored, ms: performance.now() - started }
}

const quotaError = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
}

describe('delivery over a broken IndexedDB', () => {
  it('IndexedDB missing: memory from the start', async () => {
    override(window, 'indexedDB', undefined)
    const { delivery, delivered, degraded, said } = start()
    const e = event()
    const { stored, ms } = await timedEnqueue(delivery, e)
    expect(ms).toBeLessThan(3_000)
    expect(stored).toBe(false)
    await expect.poll(delivered).toEqual([e.id])
    expect(degraded).toEqual([])
    expect(said).toEqual([[IN_MEMORY]])
  })

  // The tab closes (pagehide), or the host tore Sonde down first (destroy, a logout) and then
  // the tab closes with no listener of Sonde's left.
  it.each([
    ['as the page goes', ['pagehide', 'stop']],
    ['as the outbox stops (destroy)', ['stop', 'pagehide']],
  ] as const)(
    'IndexedDB missing, offline: what memory holds is kept in localStorage %s, and the next page sends it',
    async (_, steps) => {
      override(window, 'indexedDB', undefined)
      setOnline(false)
      const first = start()
      const e = event()
      expect(await first.delivery.enqueue(e)).toBe(false)
      for (const step of steps)
        if (step === 'stop') first.delivery.stop()
        else window.dispatchEvent(new PageTransitionEvent('pagehide'))
      const key = `${storeName(first.endpoint)}:unsent`
      expect(localStorage.getItem(key)).toContain(e.id)
      setOnline(true)
      const next = start(first.endpoint)
      await expect.poll(next.delivered).toEqual([e.id])
      expect(first.delivered()).toEqual([])
      expect(localStorage.getItem(key)).toBeNull()
    },
  )

  it('open never settling: memory after the 1.5 s timeout', async () => {
    // A request whose events never fire, as when another connection blocks the open forever.
    override(IDBFactory.prototype, 'open', () => ({}) as IDBOpenDBRequest)
    const { delivery, delivered, degraded, said } = start()
    const e = event()
    const { stored, ms } = await timedEnqueue(delivery, e)
    expect(ms).toBeLessThan(3_000)
    expect(stored).toBe(false)
    expect((degraded[0] as DOMException).name).toBe('TimeoutError')
    await expect.poll(delivered, { timeout: 5_000 }).toEqual([e.id])
    expect(said).toEqual([[IN_MEMORY, degraded[0]]])
  })

  it('a database a newer Sonde moved on (a higher version, no outbox store): memory, delivered', async () => {
    const { endpoint, delivery, delivered, degraded } = start()
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(storeName(endpoint), 7)
      open.onupgradeneeded = () => open.result.createObjectStore('outbox-v2')
      open.onsuccess = () => resolve(open.result.close())
      open.onerror = () => reject(open.error)
    })
    const e = event()
    const { stored, ms } = await timedEnqueue(delivery, e)
    expect(ms).toBeLessThan(3_000)
    expect(stored).toBe(false)
    expect((degraded[0] as DOMException).name).toBe('NotFoundError')
    await expect.poll(delivered).toEqual([e.id])
    // Its connection, of no use here, holds up neither the newer Sonde's next upgrade nor a
    // host's logout that deletes the database.
    expect(await deleteDatabase(storeName(endpoint))).toBe('deleted')
  })

  it('put throwing QuotaExceededError: memory, keeping what was stored before', async () => {
    const { endpoint } = { endpoint: `https://collect.test/${crypto.randomUUID()}` }
    // Events an earlier page could not send, still in the database.
    const earlier = [event(), event(), event()]
    const db = createStore(storeName(endpoint), 'outbox')
    await setMany(
      earlier.map((e, i) => [
        `e:${e.id}`,
        { v: 1, record: createRecord(e, Date.now() - 1000 + i) },
      ]),
      db,
    )
    setOnline(false)
    const batches: Batch[] = []
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const batch = JSON.parse(String(init?.body)) as Batch
      batches.push(batch)
      return Response.json({ accepted: batch.events.map((e) => e.id), rejected: [] })
    }
    const delivery = startDelivery({
      endpoint,
      sdkVersion: 'test',
      transport: createFetchTransport(endpoint, { fetch }),
      retryCheckMs: 50,
    })
    running.push(delivery)
    await expect.poll(() => delivery.pending()).toBe(3)
    // The disk fills up: every write now fails.
    override(IDBObjectStore.prototype, 'put', quotaError)
    const fresh = [event(), event()]
    for (const e of fresh) {
      const { stored, ms } = await timedEnqueue(delivery, e)
      expect(ms).toBeLessThan(3_000)
      expect(stored).toBe(false)
    }
    setOnline(true)
    await expect.poll(() => delivery.pending(), { timeout: 5_000 }).toBe(0)
    const delivered = batches.flatMap((b) => b.events.map((e) => e.id))
    expect(delivered.sort()).toEqual([...earlier, ...fresh].map((e) => e.id).sort())
    // Nothing was lost, so nothing is reported lost.
    expect(batches.map((b) => b.dropped)).toEqual(batches.map(() => 0))
    // Deletes still work on that disk: what was acked from memory is not sent again next time.
    await expect.poll(() => entries(db)).toEqual([])
  })

  it('the connection closing mid-session: reopened, still durable', async () => {
    const kept = keepConnections()
    restores.push(kept.undo)
    const { endpoint, delivery, delivered, degraded, said } = start()
    const first = event()
    expect((await timedEnqueue(delivery, first)).stored).toBe(true)
    await expect.poll(delivered).toEqual([first.id])
    // As Safari does now and then, without a `close` event.
    expect(kept.closeAll()).toBeGreaterThan(0)
    setOnline(false)
    const second = event()
    const { stored, ms } = await timedEnqueue(delivery, second)
    expect(ms).toBeLessThan(3_000)
    expect(stored).toBe(true)
    const onDisk = await entries<string, unknown>(createStore(storeName(endpoint), 'outbox'))
    expect(onDisk.map(([key]) => key)).toContain(`e:${second.id}`)
    setOnline(true)
    await expect.poll(delivered).toEqual([first.id, second.id])
    expect(degraded).toEqual([])
    expect(said).toEqual([])
  })
  // A host that deletes its databases (a logout that clears IndexedDB) waits for every open
  // connection to close: kept open, Sonde's would hold that delete pending as long as it runs.
  it('the database deleted by the page: the delete is not held up, the next answer is durable', async () => {
    const { endpoint, delivery, delivered, degraded } = start()
    const first = event()
    expect((await timedEnqueue(delivery, first)).stored).toBe(true)
    await expect.poll(delivered).toEqual([first.id])
    // The look for what an earlier page left opens a connection of its own.
    expect(await hasQueued(storeName(endpoint))).toBe(false)
    expect(await deleteDatabase(storeName(endpoint))).toBe('deleted')
    setOnline(false)
    const second = event()
    expect((await timedEnqueue(delivery, second)).stored).toBe(true)
    const onDisk = await entries<string, unknown>(createStore(storeName(endpoint), 'outbox'))
    expect(onDisk.map(([key]) => key)).toContain(`e:${second.id}`)
    setOnline(true)
    await expect.poll(delivered).toEqual([first.id, second.id])
    expect(degraded).toEqual([])
  })
  // Where Web Locks are missing (or fail, as in some sandboxed frames), the sender claim lives
  // in the outbox's database, over a connection of its own.
  it('the database deleted by the page without Web Locks: the sender claim does not hold it up', async () => {
    override(navigator, 'locks', undefined)
    const { endpoint, delivery, delivered } = start()
    const first = event()
    expect((await timedEnqueue(delivery, first)).stored).toBe(true)
    await expect.poll(delivered).toEqual([first.id])
    expect(await deleteDatabase(storeName(endpoint))).toBe('deleted')
    const second = event()
    expect((await timedEnqueue(delivery, second)).stored).toBe(true)
    await expect.poll(delivered).toEqual([first.id, second.id])
  })
})

// The page-level twin of 'IndexedDB missing', with `debug` on: a host asking why its visitors
// are asked the same survey at each load (storage barred in a private mode or an iframe) reads it
// in one line, and the answer still arrives.
describe('a page where IndexedDB is missing, with debug on', () => {
  it('says once that answers wait in memory, shows the prompt and delivers the answer', async () => {
    override(window, 'indexedDB', undefined)
    const batches: Batch[] = []
    override(window, 'fetch', async (_url: RequestInfo | URL, init?: RequestInit) => {
      const batch = JSON.parse(String(init?.body)) as Batch
      batches.push(batch)
      return Response.json({ accepted: batch.events.map((e) => e.id), rejected: [] })
    })
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {})
    restores.push(() => debug.mockRestore())
    const sonde = init({
      endpoint: `https://collect.test/${crypto.randomUUID()}/v1/batch`,
      locale: 'en',
      debug: true,
      config: { surveys: [acme.surveys[1]] },
    } as Parameters<typeof init>[0])
    restores.push(() => sonde.destroy())
    sonde.track('ticket_closed')
    const four = page.getByRole('radio', { name: /^4/ })
    await expect.element(four).toBeVisible()
    await four.click()
    const types = () => batches.flatMap((b) => b.events.map((e) => e.type))
    await expect.poll(types).toContain('survey.completed')
    const said = debug.mock.calls.filter(([line]) => String(line).includes('in memory'))
    expect(said).toEqual([[`[sonde] ${IN_MEMORY}`]])
  })
})
