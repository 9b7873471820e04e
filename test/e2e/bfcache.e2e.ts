import { expect, type Page } from '@playwright/test'
import { hostHtml, promptDialog } from './host'
import { type Receiver, test } from './outbox'

// The back/forward cache keeps a page the visitor leaves, frozen, and shows it again as it was
// when they come back (pageshow with persisted). Playwright turns the cache off
// (--disable-back-forward-cache): these tests turn it on again. Sonde must not keep a page out of
// it (Chrome names what did in notRestoredReasons), and a page shown again is a page view again,
// as analytics tools count it.
test.use({
  launchOptions: {
    executablePath: process.env.SONDE_CHROMIUM ?? '/usr/bin/chromium',
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  },
})

const attrs = { endpoint: '/v1/batch', key: 'pk_test', config: '/fixtures/e2e.config.json' }

/** Serves the host page so that it may be cached, and opens it with Sonde running. */
async function open(page: Page, receiver: Receiver) {
  receiver.host(hostHtml(attrs), 'no-cache')
  await page.addInitScript(() => {
    addEventListener('pageshow', (event) => {
      ;(window as unknown as { restored: boolean }).restored = event.persisted
    })
  })
  await page.goto(`${receiver.origin}/app/reports`)
  await page.waitForFunction(
    () => (window as unknown as { sonde?: { __sonde?: boolean } }).sonde?.__sonde,
  )
}

/**
 * Leaves for a page without Sonde (or `there`, run on the page left for) and comes back: from the
 * cache, or Chrome says why not.
 */
async function awayAndBack(page: Page, receiver: Receiver, there?: () => Promise<void>) {
  await page.goto(`${receiver.origin}${there ? '/app/next' : '/fixtures/e2e.config.json'}`)
  await there?.()
  // A page restored from the cache fires no load event.
  await page.goBack({ waitUntil: 'commit' })
  const back = await page.waitForFunction(() => {
    const w = window as unknown as { restored?: boolean }
    const [nav] = performance.getEntriesByType('navigation') as (PerformanceNavigationTiming & {
      notRestoredReasons?: unknown
    })[]
    return w.restored === undefined
      ? null
      : { restored: w.restored, why: nav?.notRestoredReasons ?? null }
  })
  return back.jsonValue()
}

const flush = (page: Page) =>
  page.evaluate(() => (window as unknown as { sonde: { flush(): Promise<unknown> } }).sonde.flush())
/** The events of `type` the receiver was sent, once each (an id sent again counts once). */
const sent = (receiver: Receiver, type: string) => [
  ...new Map(
    receiver.exchanges.flatMap((x) =>
      x.events.filter((e) => e.type === type).map((e) => [e.id, e]),
    ),
  ).values(),
]
const track = (page: Page, name: string) =>
  page.evaluate(
    (n) => (window as unknown as { sonde: { track(n: string): void } }).sonde.track(n),
    name,
  )

test('a page with Sonde, a prompt on screen or answered, stays eligible for the back/forward cache', async ({
  page,
  receiver,
}) => {
  await open(page, receiver)
  expect(await awayAndBack(page, receiver)).toEqual({ restored: true, why: null })
  // A prompt on screen comes back with the page, still to be answered.
  await track(page, 'ticket_closed')
  await expect(promptDialog(page)).toBeVisible()
  expect(await awayAndBack(page, receiver)).toEqual({ restored: true, why: null })
  await expect(promptDialog(page)).toBeVisible()
  await promptDialog(page).getByRole('radio', { name: /^4/ }).click()
  await expect(promptDialog(page)).toBeHidden()
  expect(await awayAndBack(page, receiver)).toEqual({ restored: true, why: null })
  // Answered once, sent once.
  await flush(page)
  await expect.poll(() => sent(receiver, 'survey.completed').length).toBe(1)
  expect(receiver.acked().size).toBe(new Set(receiver.exchanges.flatMap((x) => x.ids)).size)
})

test('a page shown again from the back/forward cache is a page view again', async ({
  page,
  receiver,
}) => {
  await open(page, receiver)
  expect(await awayAndBack(page, receiver)).toEqual({ restored: true, why: null })
  await track(page, 'ticket_closed')
  await promptDialog(page).getByRole('radio', { name: /^4/ }).click()
  await flush(page)
  await expect.poll(() => sent(receiver, 'survey.completed').length).toBe(1)
  // The first view, then the same page seen again: two page views in the visit.
  const [completed] = sent(receiver, 'survey.completed') as unknown as {
    context: { session: { pageViews: number }; page: { path: string; referrer?: string } }
  }[]
  expect(completed?.context.session.pageViews).toBe(2)
  expect(completed?.context.page.path).toBe('/app/reports')
  // Not a page that referred itself: where the visitor came back from is not known, the page's
  // own referrer stands (none, for a page opened directly: the field is left out).
  expect(completed?.context.page.referrer).toBeUndefined()
})

// A page kept in the cache with its prompt holds the screen lock that one prompt across tabs
// needs: another tab due a prompt must not be kept from it by a page nobody sees. Chrome evicts
// the cached page when another asks for a lock it holds, and the page loads anew on Back.
test("a cached page's prompt does not keep another tab's prompt off screen", async ({
  page,
  receiver,
}) => {
  await open(page, receiver)
  await track(page, 'ticket_closed')
  await expect(promptDialog(page)).toBeVisible()
  await page.goto(`${receiver.origin}/fixtures/e2e.config.json`)
  const other = await page.context().newPage()
  await other.goto(`${receiver.origin}/app/reports`)
  await other.waitForFunction(
    () => (window as unknown as { sonde?: { __sonde?: boolean } }).sonde?.__sonde,
  )
  await track(other, 'ticket_closed')
  await expect(promptDialog(other)).toBeVisible()
  await page.goBack()
  const why = await page.evaluate(() =>
    JSON.stringify(
      (
        performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming & {
          notRestoredReasons?: unknown
        }
      ).notRestoredReasons,
    ),
  )
  expect(why).toContain('weblocks-contention')
})

// The outbox wakes the other pages of the endpoint on a BroadcastChannel, and Chrome evicts a
// cached page whose channel gets a message (broadcastchannel-message): it did so at every event
// queued. A page with Sonde must come back after the next page of the site queued events, walk
// after walk (the next page sends them itself: no other tab holds the sender lock).
test('a cached page comes back after the next page queued events', async ({ page, receiver }) => {
  // Each answer's thank-you stays a few seconds: nine of them.
  test.setTimeout(120_000)
  const answer = async () => {
    await track(page, 'ticket_closed')
    await promptDialog(page).getByRole('radio', { name: /^4/ }).click()
    await expect(promptDialog(page)).toBeHidden()
    await flush(page)
  }
  await open(page, receiver)
  // This page's outbox runs (something queued and sent), as well as the page's loader alone.
  await answer()
  for (let walk = 0; walk < 4; walk++) {
    const back = await awayAndBack(page, receiver, async () => {
      await page.waitForFunction(
        () => (window as unknown as { sonde?: { __sonde?: boolean } }).sonde?.__sonde,
      )
      // The first answer starts the next page's outbox, the second's events wake the others.
      await answer()
      await answer()
    })
    expect({ walk, ...back }).toEqual({ walk, restored: true, why: null })
  }
  // What is queued on the page shown again is sent from it, each answer once.
  await answer()
  await expect.poll(() => sent(receiver, 'survey.completed').length).toBe(10)
})
