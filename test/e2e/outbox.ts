import { existsSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, expect, type Page } from '@playwright/test'

/** One request the receiver saw: when it arrived, when its reply left, and what it carried. */
export interface Exchange {
  ids: string[]
  events: { id: string; type: string }[]
  bytes: number
  dropped: number
  status: number
  start: number
  end: number
}

/** How the receiver answers right now; tests change it as they go. */
export interface Behaviour {
  status: number
  /** How long each reply is held back. */
  delayMs: number
}

export interface Receiver {
  /** The receiver's origin, which also serves the pages: the endpoint is same-origin. */
  origin: string
  behaviour: Behaviour
  exchanges: Exchange[]
  /** Ids acked so far, once each even when sent again. */
  acked(): Set<string>
  /**
   * Serves `html` at every path under /app/, not stored (no-store) unless `cache` says how: a
   * page sent with no-store never enters the back/forward cache.
   */
  host(html: string, cache?: string): void
}

const root = fileURLToPath(new URL('../..', import.meta.url))
const files: Record<string, string> = {
  '/sdk/': join(root, 'packages/sdk/dist'),
  '/fixtures/': join(root, 'test/fixtures'),
}

/**
 * A real HTTP server on loopback: the endpoint at /v1/batch, answering with `behaviour` (acking
 * every event of a 200 per the wire format) and recording each exchange, plus the host page at
 * /app/*, the SDK at /sdk/* and the configs at /fixtures/*. Not a route handler, and on the
 * pages' own origin: Playwright does not see the keepalive requests a page sends while it goes
 * away, and Chromium refuses requests from route-fulfilled pages to loopback.
 */
export async function startReceiver(
  behaviour: Partial<Behaviour> = {},
): Promise<Receiver & { close(): Promise<void> }> {
  const now: Behaviour = { status: 200, delayMs: 0, ...behaviour }
  const exchanges: Exchange[] = []
  let html = '<!doctype html><title>empty</title>'
  let cache: string | undefined
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const start = Date.now()
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (req.method === 'GET') return servePage(path, res, html, cache)
      const body = Buffer.concat(chunks)
      const batch = JSON.parse(body.toString('utf8')) as {
        events: { id: string; type: string }[]
        dropped?: number
      }
      const { status, delayMs } = now
      const exchange: Exchange = {
        ids: batch.events.map((e) => e.id),
        events: batch.events,
        bytes: body.length,
        dropped: batch.dropped ?? 0,
        status,
        start,
        end: Number.POSITIVE_INFINITY,
      }
      exchanges.push(exchange)
      res.on('close', () => {
        exchange.end = Date.now()
      })
      const reply = status === 200 ? JSON.stringify({ accepted: exchange.ids, rejected: [] }) : ''
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(reply)
      }, delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    behaviour: now,
    exchanges,
    acked: () => new Set(exchanges.filter((x) => x.status === 200).flatMap((x) => x.ids)),
    host: (page, control) => {
      html = page
      cache = control
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Answers a GET: `html` at every path under /app/, the SDK at /sdk/*, the configs at /fixtures/*. */
export function servePage(path: string, res: ServerResponse, html: string, cache?: string): void {
  if (path.startsWith('/app/'))
    return void res
      .writeHead(200, { ...TEXT.html, ...(cache && { 'cache-control': cache }) })
      .end(html)
  const [prefix, dir] = Object.entries(files).find(([p]) => path.startsWith(p)) ?? []
  const file = prefix && dir ? normalize(join(dir, path.slice(prefix.length))) : ''
  if (!dir || !file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end()
  res.writeHead(200, file.endsWith('.json') ? TEXT.json : TEXT.js).end(readFileSync(file))
}

const TEXT = {
  html: { 'content-type': 'text/html', 'cache-control': 'no-store' },
  js: { 'content-type': 'text/javascript', 'cache-control': 'no-store' },
  json: { 'content-type': 'application/json', 'cache-control': 'no-store' },
}

/** Playwright's test with a fresh `receiver` per test, closed after it. */
export const test = base.extend<{ receiver: Receiver }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a test destructures.
  receiver: async ({}, use) => {
    const receiver = await startReceiver()
    await use(receiver)
    await receiver.close()
  },
})

/** Exchanges (by index) in flight at the same time that carried the same event id. */
export function overlaps(exchanges: readonly Exchange[]): { a: number; b: number; id: string }[] {
  const found: { a: number; b: number; id: string }[] = []
  exchanges.forEach((a, i) => {
    exchanges.slice(i + 1).forEach((b, j) => {
      if (a.start >= b.end || b.start >= a.end) return
      const id = a.ids.find((id) => b.ids.includes(id))
      if (id) found.push({ a: i, b: i + 1 + j, id })
    })
  })
  return found
}

/** A valid event of `bytes` or so, as the SDK would have queued it. */
export function fakeEvent(id: string, bytes = 200) {
  return {
    id,
    type: 'survey.dismissed',
    at: new Date().toISOString(),
    surveyId: 'csat-ticket',
    reason: 'x'.repeat(Math.max(0, bytes - 110)),
  }
}

/**
 * Writes `events` into the outbox database the SDK created on this page's origin, the way its
 * IndexedDB store does (idb-keyval layout: key `e:<id>`, value `{ v: 1, record }`), as if an
 * earlier page had queued them.
 */
export async function seedOutbox(
  page: Page,
  events: { id: string }[],
  queuedAt = Date.now(),
): Promise<string> {
  return page.evaluate(
    async ({ events, queuedAt }) => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? '')
      const name = names.find((n) => /^sonde-outbox-[0-9a-z]+$/.test(n))
      if (!name) throw new Error(`no outbox database among ${names.join(', ')}`)
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      const tx = db.transaction('outbox', 'readwrite')
      const store = tx.objectStore('outbox')
      for (const event of events) {
        const bytes = new Blob([JSON.stringify(event)]).size
        const record = { event, bytes, state: 'queued', attempts: 0, nextAttemptAt: queuedAt }
        store.put({ v: 1, record: { ...record, queuedAt } }, `e:${event.id}`)
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve
        tx.onerror = () => reject(tx.error)
      })
      db.close()
      return name
    },
    { events, queuedAt },
  )
}

/** The ids of the records in this page's outbox database, or null when it has none. */
export async function outboxIds(page: Page): Promise<string[] | null> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '')
    const name = names.find((n) => /^sonde-outbox-[0-9a-z]+$/.test(n))
    if (!name) return null
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const request = db.transaction('outbox').objectStore('outbox').getAllKeys()
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    db.close()
    return keys.map(String).flatMap((key) => (key.startsWith('e:') ? [key.slice(2)] : []))
  })
}

/**
 * Waits until the SDK on `page` has created its outbox database: with nothing due, it looks for
 * what an earlier page left 3 s after start. (Polled here: `waitForFunction` would take the
 * promise an async predicate returns for a truthy answer.)
 */
export async function outboxReady(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () =>
          (await indexedDB.databases()).some((d) => /^sonde-outbox-[0-9a-z]+$/.test(d.name ?? '')),
        ),
      { timeout: 10_000 },
    )
    .toBe(true)
}
