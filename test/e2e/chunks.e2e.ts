import { expect, type Page, test } from '@playwright/test'
import { hostHtml, promptDialog, receive, serveHost } from './host'
import { outboxIds, test as withReceiver } from './outbox'

// Issue 6 (budgets): sonde.js loads its other chunks only when needed. The validator once per
// site and set of options, the outbox once there is something to send (a prompt's UI chunk
// brings its queue, which loads the code that sends once the respondent acts); a chunk that
// fails to load costs no answer.

const attrs = { endpoint: '/v1/batch', key: 'pk_chunks', config: '/fixtures/e2e.config.json' }
type W = { sonde: { track(name: string): void; canShow(id: string): { reason?: string } } }

/** Counts the requests for each chunk of Sonde that the page makes. */
function countChunks(page: Page) {
  const counts = new Map<string, number>()
  page.on('request', (request) => {
    const file = new URL(request.url()).pathname.split('/').pop() ?? ''
    if (file.startsWith('sonde')) counts.set(file, (counts.get(file) ?? 0) + 1)
  })
  return Object.assign((file: string) => counts.get(file) ?? 0, { names: () => counts.keys() })
}

async function ready(page: Page) {
  await expect
    .poll(() => page.evaluate(() => (window as unknown as W).sonde.canShow('csat-ticket').reason))
    .not.toBe('loading')
}

test("a returning visitor's page loads sonde.js alone when nothing is due", async ({ page }) => {
  await receive(page)
  await serveHost(page, hostHtml(attrs))
  const requests = countChunks(page)
  await page.goto('/app/reports')
  await ready(page)
  // The site's first page: its options are checked once.
  expect(requests('sonde-validate.js')).toBe(1)
  await page.reload()
  await ready(page)
  // Well after start: nothing was left to send, so no outbox either.
  await page.waitForTimeout(2_500)
  expect(requests('sonde.js')).toBe(2)
  expect(requests('sonde-validate.js')).toBe(1)
  expect(requests('sonde-delivery.js')).toBe(0)
  expect(requests('sonde-ui.js')).toBe(0)
})

test('a prompt is on screen without the code that sends; that code failing to load costs no answer', async ({
  page,
}) => {
  const received = await receive(page)
  const errors: Error[] = []
  page.on('pageerror', (error) => errors.push(error))
  const requests = countChunks(page)
  // The outbox's own entry cannot be fetched at all on this page, the code that sends not the
  // first time.
  await page.route('**/sdk/sonde-delivery.js', (route) => route.abort('failed'))
  let fetched = 0
  await page.route('**/sdk/sonde-outbox-*.js', (route) =>
    fetched++ === 0 ? route.abort('failed') : route.continue(),
  )
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await ready(page)
  await page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
  const dialog = promptDialog(page)
  await expect(dialog).toBeVisible()
  // On screen, its display stored: the code that sends is not loaded for that alone.
  await expect.poll(async () => (await outboxIds(page))?.length ?? 0).toBe(1)
  expect(fetched).toBe(0)
  await dialog.getByRole('radio', { name: /^4/ }).click()
  // The survey chunk stored the answer at once; the code that sends is tried again after its
  // first fetch failed, and everything goes out, once.
  await expect
    .poll(() => received.batches.flatMap((b) => b.events).map((e) => e.type), { timeout: 8_000 })
    .toEqual(expect.arrayContaining(['survey.shown', 'survey.answered', 'survey.completed']))
  expect(fetched).toBe(2)
  expect(requests('sonde-delivery.js')).toBe(0)
  const ids = received.batches.flatMap((b) => b.events).map((e) => e.id)
  expect(new Set(ids).size).toBe(ids.length)
  await expect.poll(() => outboxIds(page)).toEqual([])
  expect(errors).toEqual([])
})

withReceiver(
  'a prompt left unanswered still reports its display, on the way out',
  async ({ page, receiver }) => {
    receiver.host(hostHtml(attrs))
    const requests = countChunks(page)
    await page.goto(`${receiver.origin}/app/reports`)
    await page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
    await expect(promptDialog(page)).toBeVisible()
    await expect.poll(async () => (await outboxIds(page))?.length ?? 0).toBe(1)
    expect(receiver.exchanges).toEqual([])
    // The visitor leaves without touching the prompt: the code that sends never came, and
    // `survey.shown` goes out all the same.
    await page.goto(`${receiver.origin}/fixtures/e2e.config.json`)
    await expect
      .poll(() => receiver.exchanges.flatMap((x) => x.events).map((e) => e.type))
      .toEqual(['survey.shown'])
    expect([...requests.names()].some((name) => name.startsWith('sonde-outbox-'))).toBe(false)
  },
)

withReceiver(
  'records an earlier page left load the outbox chunk, retried until it comes',
  async ({ page, receiver }) => {
    receiver.host(hostHtml(attrs))
    // The endpoint is down while the answer is given: it stays stored.
    receiver.behaviour.status = 503
    await page.goto(`${receiver.origin}/app/reports`)
    await page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
    const dialog = promptDialog(page)
    await expect(dialog).toBeVisible()
    await dialog.getByRole('radio', { name: /^4/ }).click()
    await expect.poll(async () => (await outboxIds(page))?.length ?? 0).toBeGreaterThanOrEqual(2)
    // The next page shows nothing: it finds the stored answer and loads the outbox chunk for it,
    // whose first fetch fails. (What the unloading page sends still meets the 503.)
    let refused = 0
    await page.route('**/sdk/sonde-delivery.js', (route) => {
      if (refused++ === 0) return route.abort('failed')
      return route.continue()
    })
    await page.reload()
    receiver.behaviour.status = 200
    await expect.poll(() => receiver.acked().size, { timeout: 15_000 }).toBeGreaterThanOrEqual(3)
    const types = receiver.exchanges.filter((x) => x.status === 200).flatMap((x) => x.events)
    expect(types.map((e) => e.type)).toContain('survey.completed')
    expect(refused).toBeGreaterThanOrEqual(2)
    await expect.poll(() => outboxIds(page)).toEqual([])
  },
)

test('a cached sonde.js of an older release beside newer chunks shows nothing and says why, once', async ({
  page,
}) => {
  await receive(page)
  const errors: Error[] = []
  page.on('pageerror', (error) => errors.push(error))
  const logged: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') logged.push(message.text())
  })
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await ready(page)
  // The CDN's unversioned sonde.js is still the one of a release before: its loan to the chunks,
  // from functions under the same keys, is not what they were built against.
  await page.route('**/sdk/sonde.js', async (route) => {
    const response = await route.fetch()
    const body = (await response.text()).replace(/\$:"[^"]+"/, '$:"0.0.9"')
    await route.fulfill({ response, body })
  })
  await page.reload()
  await ready(page)
  await page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
  await expect.poll(() => logged.length).toBe(1)
  expect(logged[0]).toMatch(/could not show.*different builds: 0\.0\.9 and /s)
  await expect(promptDialog(page)).toHaveCount(0)
  expect(errors).toEqual([])
  // The files of one release again: the survey was not counted as shown, and shows.
  await page.unroute('**/sdk/sonde.js')
  await page.reload()
  await ready(page)
  await page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
  await expect(promptDialog(page)).toBeVisible()
  expect(logged).toHaveLength(1)
})

test('while new options are checked, calls wait in order and on() hands back a working off()', async ({
  page,
}) => {
  await receive(page)
  const errors: Error[] = []
  page.on('pageerror', (error) => errors.push(error))
  // The validator takes a while: the bundle is there, the Sonde not yet.
  await page.route('**/sdk/sonde-validate.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700))
    await route.continue()
  })
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  const early = await page.evaluate(() => {
    const sonde = (window as unknown as { sonde: Record<string, (...a: unknown[]) => unknown> })
      .sonde
    const seen: string[] = []
    const w = window as unknown as { seen: string[] }
    w.seen = seen
    const kept = sonde.on?.('survey:shown', () => seen.push('kept')) as () => void
    const dropped = sonde.on?.('survey:shown', () => seen.push('dropped')) as () => void
    dropped()
    sonde.track?.('ticket_closed')
    return {
      offs: [typeof kept, typeof dropped],
      canShow: sonde.canShow?.('csat-ticket'),
    }
  })
  expect(early).toEqual({
    offs: ['function', 'function'],
    canShow: { ok: false, reason: 'loading' },
  })
  await expect(promptDialog(page)).toBeVisible()
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen))
    .toEqual(['kept'])
  expect(errors).toEqual([])
})

// A validator that never arrives (a CDN edge that never answers) must not hold flush() for good:
// a host awaiting it before it navigates away (a sign-out) would never leave the page.
test('while the validator hangs, flush() resolves after 10 s, with nothing pending', async ({
  page,
}) => {
  await receive(page)
  let asked = 0
  await page.route('**/sdk/sonde-validate.js', () => {
    asked++
  })
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await expect.poll(() => asked).toBe(1)
  const waited = await page.evaluate(async () => {
    const sonde = (window as unknown as { sonde: { flush(): Promise<unknown> } }).sonde
    const start = performance.now()
    const flushed = await sonde.flush()
    return { flushed, seconds: Math.round((performance.now() - start) / 1000) }
  })
  expect(waited).toEqual({ flushed: { sent: 0, pending: 0 }, seconds: 10 })
})

// The UI's own words come in a chunk per language, beside sonde.js, fetched only for a prompt in
// that language: Traditional Chinese for Taiwan, not the Simplified strings.
for (const [locale, file, close] of [
  ['ja', 'sonde-ja.js', '閉じる'],
  ['zh-TW', 'sonde-zhHant.js', '關閉'],
] as const) {
  test(`a prompt in ${locale} loads ${file} alone of the languages`, async ({ page }) => {
    await receive(page)
    await serveHost(page, hostHtml({ ...attrs, locale }))
    const requests = countChunks(page)
    await page.goto('/app/reports')
    await ready(page)
    await page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
    await expect(promptDialog(page).getByRole('button', { name: close })).toBeVisible()
    const languages = [...requests.names()].filter((name) =>
      /^sonde-(ar|de|es|fr|it|ja|ko|nl|pl|pt|ru|tr|zh|zhHant)\.js$/.test(name),
    )
    expect(languages).toEqual([file])
  })
}
