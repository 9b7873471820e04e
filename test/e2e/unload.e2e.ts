import { expect } from '@playwright/test'
import { hostHtml } from './host'
import { fakeEvent, outboxReady, seedOutbox, test } from './outbox'

// Issue 3, test 5: the page goes away with ~100 KB queued. Only fetch with no credentials
// carries it (sendBeacon would send the endpoint's cookies), with keepalive within the browser's
// 64 KiB budget for it; everything stays stored until acknowledged and goes from the next page.

const attrs = { endpoint: '/v1/batch', key: 'pk_test', config: '/fixtures/e2e.config.json' }

interface NetEntry {
  kind: 'beacon' | 'fetch'
  bytes: number
  keepalive?: boolean
  credentials?: RequestCredentials
}

test('unload with ~100 KB queued: keepalive fetches without credentials, ≤ 48 KB each, then resent', async ({
  page,
  receiver,
}) => {
  // Beacons and fetches to the endpoint are logged in localStorage, which outlives the page.
  await page.addInitScript(() => {
    const log = (entry: NetEntry) => {
      const all = JSON.parse(localStorage.getItem('net') ?? '[]') as NetEntry[]
      localStorage.setItem('net', JSON.stringify([...all, entry]))
    }
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      // Logged, should the SDK ever hand it a batch (as a Blob); it would be taken.
      value: (_url: string, data?: Blob | null) => {
        log({ kind: 'beacon', bytes: data?.size ?? 0 })
        return true
      },
    })
    const original = window.fetch
    window.fetch = (input, init) => {
      if (String(input).includes('/v1/batch')) {
        const bytes = new Blob([(init?.body as BlobPart | undefined) ?? '']).size
        log({
          kind: 'fetch',
          bytes,
          keepalive: init?.keepalive === true,
          credentials: init?.credentials,
        })
      }
      return original(input, init)
    }
  })
  receiver.host(hostHtml(attrs))
  await page.goto(`${receiver.origin}/app/reports`)
  await outboxReady(page)
  const run = Date.now().toString(36)
  const events = Array.from({ length: 25 }, (_, i) => fakeEvent(`unload-${run}-${i}`, 4_000))
  await seedOutbox(page, events)

  // The next page load finds ~100 KB queued; its first send hangs on a slow endpoint.
  receiver.behaviour.delayMs = 60_000
  await page.reload()
  await expect.poll(() => receiver.exchanges.length, { timeout: 10_000 }).toBe(1)
  expect(receiver.exchanges[0]?.ids).toHaveLength(25)
  await page.evaluate(() => localStorage.setItem('net', '[]'))
  receiver.behaviour.delayMs = 0

  // The user leaves: pagehide sends what it can within the unload limits.
  await page.goto(`${receiver.origin}/fixtures/e2e.config.json`)
  await page.waitForTimeout(1_000)
  const net = (await page.evaluate(() =>
    JSON.parse(localStorage.getItem('net') ?? '[]'),
  )) as NetEntry[]
  const unload = receiver.exchanges.slice(1)
  expect(unload.length).toBeGreaterThan(0)
  for (const exchange of unload) expect(exchange.bytes).toBeLessThanOrEqual(48_000)
  for (const entry of net) expect(entry).toMatchObject({ kind: 'fetch', credentials: 'omit' })
  const keepalive = net.filter((entry) => entry.keepalive)
  expect(keepalive.length).toBeGreaterThan(0)
  for (const entry of keepalive) expect(entry.bytes).toBeLessThanOrEqual(48_000)
  expect(keepalive.reduce((sum, entry) => sum + entry.bytes, 0)).toBeLessThanOrEqual(64 * 1024)

  // The next load sends everything still stored, under the same ids: nothing is lost.
  await page.goto(`${receiver.origin}/app/reports`)
  const seeded = events.map((e) => e.id).sort()
  await expect.poll(() => [...receiver.acked()].sort(), { timeout: 15_000 }).toEqual(seeded)
  for (const exchange of receiver.exchanges)
    expect(seeded).toEqual(expect.arrayContaining(exchange.ids))
})
