import { expect, type Page, type Route } from '@playwright/test'

/** A host page that integrates Sonde only through the documented script tag. */
export function hostHtml(attributes: Record<string, string>, before = ''): string {
  const data = Object.entries(attributes)
    .map(([name, value]) => ` data-${name}="${value}"`)
    .join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme Reports</title>
<script src="/sdk/stub.js"></script>${before}
<script async src="/sdk/sonde.js"${data}></script></head>
<body><main><h1>Reports</h1><label>Search <input id="search"></label>
<a href="/reset?token=a&email=x#access_token=y" id="reset">Reset</a>
<button id="new-report" type="button">New report</button>
<button data-tour="export" type="button">Export CSV</button></main></body></html>`
}

/** Serves `html` at `path` on the test server's origin, with extra headers (a CSP) if given. */
export async function serveHost(
  page: Page,
  html: string,
  path = '/app/reports',
  headers: Record<string, string> = {},
): Promise<void> {
  await page.route(`**${path}*`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', headers, body: html }),
  )
}

export interface Received {
  ids: string[]
  batches: {
    events: { id: string; type: string; [key: string]: unknown }[]
    [key: string]: unknown
  }[]
  requests: { at: number; bytes: number; status: number }[]
}

type Headers = Record<string, string>
/** A status, a status with headers (or a function making them at reply time), or a network error. */
type Reply = number | { status: number; headers?: Headers | (() => Headers) } | 'abort'

/**
 * The endpoint: answers each request with the next scripted reply (then 200), acking every event
 * of a 200 per the wire format; records what it saw.
 */
export async function receive(
  page: Page,
  script: Reply[] = [],
  pattern = '**/v1/batch',
): Promise<Received> {
  const received: Received = { ids: [], batches: [], requests: [] }
  await page.context().route(pattern, async (route: Route) => {
    const body = route.request().postData() ?? ''
    const reply = script.shift() ?? 200
    const status = typeof reply === 'number' ? reply : reply === 'abort' ? 0 : reply.status
    received.requests.push({ at: Date.now(), bytes: Buffer.byteLength(body), status })
    if (reply === 'abort') return route.abort('failed')
    const batch = JSON.parse(body) as Received['batches'][number]
    received.batches.push(batch)
    if (status !== 200) {
      const given = typeof reply === 'object' ? reply.headers : undefined
      const headers = typeof given === 'function' ? given() : given
      return route.fulfill({ status, ...(headers ? { headers } : {}), body: '' })
    }
    received.ids.push(...batch.events.map((e) => e.id))
    const accepted = batch.events.map((e) => e.id)
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ accepted, rejected: [] }),
    })
  })
  return received
}

/** The open shadow root holding Sonde's prompt, once it is on screen. */
export const promptDialog = (page: Page) => page.locator('sonde-root').getByRole('dialog')

/** Flushes the page's Sonde and waits for the receiver to get an event of `type`: the first one. */
export async function flushedEvent(
  page: Page,
  received: Received,
  type: string,
): Promise<Received['batches'][number]['events'][number] | undefined> {
  await page.evaluate(() =>
    (window as unknown as { sonde: { flush(): Promise<unknown> } }).sonde.flush(),
  )
  const events = () => received.batches.flatMap((b) => b.events)
  await expect.poll(() => events().map((e) => e.type)).toContain(type)
  return events().find((e) => e.type === type)
}

/** The outbox's database and store, and the display history's, for `holdStore`. */
export const OUTBOX: [string, string] = ['', 'outbox']
export const HISTORY: [string, string] = ['-state', 'state']

/**
 * In the page (`page.evaluate(holdStore, OUTBOX)`): keeps a readwrite transaction on one of
 * Sonde's databases alive until the page goes, so that its next write waits behind it; false
 * while that database or its store is not there yet.
 */
export async function holdStore([suffix, storeName]: [string, string]): Promise<boolean> {
  const names = (await indexedDB.databases()).map((d) => d.name ?? '')
  const name = names.find((n) => new RegExp(`^sonde-outbox-[a-z0-9]+${suffix}$`).test(n))
  if (!name) return false
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  if (!db.objectStoreNames.contains(storeName)) return false
  const store = db.transaction(storeName, 'readwrite').objectStore(storeName)
  const again = () => {
    store.get('').onsuccess = again
  }
  again()
  return true
}

/** A page of the tour walks (tour-link, tour-bfcache): Sonde with the walk's config, and `body`. */
export const walkPage = (
  body: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Walk</title><script src="/sdk/stub.js"></script>
<script async src="/sdk/sonde.js" data-endpoint="/v1/batch" data-key="pk_test"
 data-config="/walk.config.json"></script></head><body><main>${body}</main></body></html>`
