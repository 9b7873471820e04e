import { expect } from '@playwright/test'
import { hostHtml } from './host'
import { fakeEvent, outboxReady, seedOutbox, test } from './outbox'

// Issue 3, test 5: the page goes away with ~100 KB queued and the browser refuses every beacon.

const attrs = { endpoint: '/v1/batch', key: 'pk_test', config: '/fixtures/e2e.config.json' }

interface NetEntry {
  kind: 'beacon' | 'fetch'
  bytes: number
  keepalive?: boolean
}

test('unload with ~100 KB queued and sendBeacon refused: ≤ 48 KB per request, a fallback, then resent', async ({
  page,
  receiver,
}) => {
  // Every beacon is refused (a full queue, a policy); fetches to the endpoint are logged too, in
  // localStorage, which outlives the page.
  await page.addInitScript(() => {
    const log = (entry: NetEntry) => {
      const all = JSON.parse(localStorage.getItem('net') ?? '[]') as NetEntry[]
      localStorage.setItem('net', JSON.stringify([...all, entry]))
    }
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      // The SDK hands sendBeacon a Blob.
      value: (_url: string, data?: Blob | null) => {
        log({ kind: 'beacon', bytes: data?.size ?? 0 })
        return false
      },
    })
    const original = window.fetch
    window.fetch = (input, init) => {
      if (String(input).includes('/v1/batch')) {
        const bytes = new Blob([(init?.body as BlobPart | undefined) ?? '']).size
        log({ kind: 'fetch', bytes, keepalive: init?.keepalive === true })
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
  for (const entry of net) expect(entry.bytes).toBeLessThanOrEqual(48_000)
  const beacons = net.filter((entry) => entry.kind === 'beacon')
  expect(beacons.length).toBeGreaterThan(0)
  // Each refused beacon is followed by a fetch of the same body: the fallback.
  for (const beacon of beacons) {
    const after = net.slice(net.indexOf(beacon) + 1)
    expect(after[0]).toMatchObject({ kind: 'fetch', bytes: beacon.bytes })
  }

  // The next load sends everything still stored, under the same ids: nothing is lost.
  await page.goto(`${receiver.origin}/app/reports`)
  const seeded = events.map((e) => e.id).sort()
  await expect.poll(() => [...receiver.acked()].sort(), { timeout: 15_000 }).toEqual(seeded)
  for (const exchange of receiver.exchanges)
    expect(seeded).toEqual(expect.arrayContaining(exchange.ids))
})
