import { expect, type Page, test } from '@playwright/test'
import { hostHtml, promptDialog, receive, serveHost } from './host'

const attrs = { endpoint: '/v1/batch', key: 'pk_test', config: '/fixtures/e2e.config.json' }
type W = {
  sonde: {
    track(n: string): void
    show(id: string): void
    canShow(id: string): { ok: boolean; reason?: string }
    flush(): Promise<{ sent: number; pending: number }>
    on(t: string, h: (p: unknown) => void): void
  }
}

async function answerCsat(page: Page, stars = 5) {
  await page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
  await promptDialog(page)
    .getByRole('radio', { name: new RegExp(`^${stars}`) })
    .click()
}
const eventsOf = (received: Awaited<ReturnType<typeof receive>>, type: string) =>
  received.batches.flatMap((b) => b.events).filter((e) => e.type === type)

test('an answer given offline survives a reload and is delivered once when back online', async ({
  page,
  context,
}) => {
  const received = await receive(page)
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
  await expect(promptDialog(page)).toBeVisible()
  received.requests.length = 0
  // The train enters the tunnel between the prompt appearing and the click.
  await context.setOffline(true)
  await promptDialog(page).getByRole('radio', { name: /^5/ }).click()
  await page.waitForTimeout(300)
  expect(received.requests.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1)
  expect(eventsOf(received, 'survey.completed')).toEqual([])
  await context.setOffline(false)
  await page.reload()
  await expect
    .poll(() => eventsOf(received, 'survey.completed').length, { timeout: 10_000 })
    .toBe(1)
  const ids = received.ids
  expect(new Set(ids).size).toBe(ids.length)
  await expect
    .poll(() => page.evaluate(() => (window as unknown as W).sonde.flush()))
    .toEqual({ sent: 0, pending: 0 })
})

test('5xx three times then 200: the same ids every time, then acked', async ({ page }) => {
  const received = await receive(page, [500, 503, 502])
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await answerCsat(page)
  const seen = () => new Set(received.batches.flatMap((b) => b.events.map((e) => e.id)))
  const delivered = () => seen().size > 0 && [...seen()].every((id) => received.ids.includes(id))
  await expect.poll(delivered, { timeout: 20_000 }).toBe(true)
  expect(received.requests.slice(0, 3).map((r) => r.status)).toEqual([500, 503, 502])
  // Each event keeps its id across its attempts and is acked exactly once.
  expect(new Set(received.ids).size).toBe(received.ids.length)
  expect(received.ids.length).toBe(seen().size)
  for (const id of seen()) {
    const attempts = received.batches.flatMap((b, i) =>
      b.events.some((e) => e.id === id) ? [i] : [],
    )
    const times = attempts.map((i) => received.requests[i]?.at ?? 0)
    // Full jitter: the k-th retry waits at most 1 s · 2^k, plus the 2 s retry check.
    for (let k = 1; k < times.length; k++) {
      const gap = (times[k] ?? 0) - (times[k - 1] ?? 0)
      expect(gap).toBeLessThanOrEqual(1_000 * 2 ** k + 2_500)
    }
    expect(attempts.filter((i) => received.requests[i]?.status === 200)).toHaveLength(1)
  }
})

for (const [label, header, waitMs] of [
  ['seconds', '3', 3_000],
  ['an HTTP-date', 'DATE+4', 3_000],
] as const) {
  test(`429 with Retry-After in ${label}: no request before that time`, async ({ page }) => {
    // An HTTP-date is made when the reply is sent; it has whole seconds, so it means 3–4 s.
    const value = () => (header === 'DATE+4' ? new Date(Date.now() + 4_000).toUTCString() : header)
    const received = await receive(page, [
      { status: 429, headers: () => ({ 'retry-after': value() }) },
    ])
    await serveHost(page, hostHtml(attrs))
    await page.goto('/app/reports')
    await answerCsat(page)
    await expect.poll(() => received.requests.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1)
    // Even an explicit flush honours the server's Retry-After.
    await page.evaluate(() => (window as unknown as W).sonde.flush())
    await expect.poll(() => received.requests.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2)
    const [first, second] = received.requests
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(waitMs - 200)
  })
}

test('429 with a garbage Retry-After falls back to backoff', async ({ page }) => {
  const received = await receive(page, [{ status: 429, headers: { 'retry-after': 'soon-ish' } }])
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await answerCsat(page)
  await expect
    .poll(() => received.requests.map((r) => r.status), { timeout: 10_000 })
    .toEqual([429, 200])
})

test('400 drops the event with delivery:dropped and never retries it', async ({ page }) => {
  const received = await receive(page, [400, 400, 400])
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await page.evaluate(() => {
    const w = window as unknown as W & { dropped: unknown[] }
    w.dropped = []
    w.sonde.on('delivery:dropped', (p) => w.dropped.push(p))
  })
  await answerCsat(page)
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { dropped: unknown[] }).dropped.length), {
      timeout: 10_000,
    })
    .toBeGreaterThan(0)
  const dropped = await page.evaluate(
    () => (window as unknown as { dropped: { reason: string }[] }).dropped,
  )
  expect(dropped[0]?.reason).toBe('http_400')
  const attempts = received.requests.length
  await page.waitForTimeout(3_000)
  const flushed = await page.evaluate(() => (window as unknown as W).sonde.flush())
  expect(flushed.pending).toBe(0)
  expect(received.requests.length).toBeLessThanOrEqual(attempts + 1)
})

test('consent denied: no request, no IndexedDB database, no survey', async ({ page }) => {
  const received = await receive(page)
  const asked: string[] = []
  page.on('request', (r) => {
    if (!/\.(js|html)$|\/app\//.test(new URL(r.url()).pathname)) asked.push(r.url())
  })
  const before = `<script>sonde.init({ endpoint: '/v1/batch', config: '/fixtures/e2e.config.json', consent: 'denied' })</script>`
  await serveHost(page, hostHtml({}, before))
  await page.goto('/app/reports')
  await expect
    .poll(() => page.evaluate(() => (window as unknown as W).sonde.canShow('csat-ticket')))
    .toEqual({ ok: false, reason: 'consent' })
  await page.evaluate(() => (window as unknown as W).sonde.show('csat-ticket'))
  await page.waitForTimeout(1_000)
  await expect(promptDialog(page)).toHaveCount(0)
  expect(received.requests).toEqual([])
  expect(asked).toEqual([])
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
  expect(names).toEqual([])
})

test('Global Privacy Control: nothing beyond path and locale', async ({ page }) => {
  await page.addInitScript(() =>
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true }),
  )
  const received = await receive(page)
  await serveHost(page, hostHtml({ ...attrs, locale: 'fr' }))
  await page.goto('/app/reports?token=a#x')
  await answerCsat(page)
  await page.evaluate(() => (window as unknown as W).sonde.flush())
  await expect.poll(() => eventsOf(received, 'survey.completed').length).toBe(1)
  expect(eventsOf(received, 'survey.completed')[0]?.context).toEqual({
    page: { path: '/app/reports' },
    locale: 'fr',
  })
})
