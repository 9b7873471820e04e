import { expect, type Page, test } from '@playwright/test'
import { receive, walkPage } from './host'

// A page the visitor leaves is kept frozen in the back/forward cache and shown again, as it was,
// on Back: its Sonde's memory of a tour is what it was when the page was left, older than what
// the tab's later pages stored since (the tour went on there, or ended). Playwright turns the
// cache off (--disable-back-forward-cache): this file turns it on again (as bfcache.e2e.ts).
test.use({
  launchOptions: {
    executablePath: process.env.SONDE_CHROMIUM ?? '/usr/bin/chromium',
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  },
})

const config = {
  tours: [
    {
      id: 'walk',
      version: 1,
      locale: 'en',
      trigger: { page: { prefix: '/walk' } },
      steps: [
        { id: 'go', target: '#go', title: 'Open reports', advanceOn: { click: true } },
        { id: 'there', target: '#export', title: 'Export here' },
        { id: 'last', target: '#last', title: 'Last here' },
      ],
    },
  ],
}

// The page of the link, the page of the last step, and a page between them that has an Export
// button too, where the tour waits (its step showed on the page before) and holds no screen.
const pages: Record<string, string> = {
  one: '<a id="go" href="/walk/two">Reports</a>',
  two: '<button id="export">Export</button> <button id="last">Last</button>',
  other: '<button id="export">Export</button> <a id="to-two" href="/walk/two">Reports</a>',
}

async function walkPages(page: Page) {
  const received = await receive(page)
  await page.route('**/walk.config.json', (route) => route.fulfill({ json: config }))
  for (const [name, body] of Object.entries(pages))
    await page.route(`**/walk/${name}`, (route) =>
      route.fulfill({ contentType: 'text/html', body: walkPage(body) }),
    )
  await page.addInitScript(() => {
    addEventListener('pageshow', (event) => {
      ;(window as unknown as { restored: boolean }).restored = event.persisted
    })
  })
  return { tooltip: page.locator('sonde-root').getByRole('dialog'), received }
}

const restored = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { restored?: boolean }).restored !== undefined)

/** Walks to the waiting page with the tour at step 'there', which showed on page two, and back to two. */
async function toWaiting(page: Page, tooltip: ReturnType<Page['locator']>) {
  await page.goto('/walk/one')
  await expect(tooltip).toContainText('Open reports')
  await page.locator('#go').click()
  await page.waitForURL('**/walk/two')
  await expect(tooltip).toContainText('Export here')
  await page.goto('/walk/other')
  await page.waitForFunction(
    () => (window as unknown as { sonde?: { __sonde?: boolean } }).sonde?.__sonde,
  )
  // Waiting for page two: nothing on screen here.
  await page.waitForTimeout(1_000)
  await expect(page.locator('sonde-root')).toHaveCount(0)
  await page.locator('#to-two').click()
  await page.waitForURL('**/walk/two')
  await expect(tooltip).toContainText('Export here')
}

// On page two, the tour ends at the step the waiting page knows, or goes on to the last step and
// ends there: the page shown again may know the end only from what is stored since.
for (const [how, keys] of [
  ['dismissed at its step', ['Escape']],
  ['completed after its step', ['Next', 'Done']],
  ['dismissed after its step', ['Next', 'Escape']],
] as const)
  test(`a page shown again from the cache does not show a tour ${how} on a later page`, async ({
    page,
  }) => {
    const { tooltip, received } = await walkPages(page)
    await toWaiting(page, tooltip)
    for (const key of keys) {
      if (key === 'Escape') await page.keyboard.press(key)
      else await tooltip.getByRole('button', { name: key }).click()
      if (key === 'Next') await expect(tooltip).toContainText('Last here')
    }
    await expect(page.locator('sonde-root')).toHaveCount(0)
    await page.evaluate(() =>
      (window as unknown as { sonde: { flush(): Promise<unknown> } }).sonde.flush(),
    )
    await page.goBack({ waitUntil: 'commit' })
    await restored(page)
    // From the cache, or Chrome says why not.
    expect(
      await page.evaluate(() => {
        const [nav] = performance.getEntriesByType('navigation') as (PerformanceNavigationTiming & {
          notRestoredReasons?: unknown
        })[]
        return (window as unknown as { restored: boolean }).restored || nav?.notRestoredReasons
      }),
    ).toBe(true)
    expect(page.url()).toMatch(/\/walk\/other$/)
    // The step the tour ended at, whose target this page has too: not shown again, nor waited
    // for and then ended a second time.
    await page.waitForTimeout(6_000)
    await expect(page.locator('sonde-root')).toHaveCount(0)
    await page.evaluate(() =>
      (window as unknown as { sonde: { flush(): Promise<unknown> } }).sonde.flush(),
    )
    await page.waitForTimeout(500)
    const ends = [
      ...new Map(
        received.batches
          .flatMap((b) => b.events)
          .filter((e) => e.type === 'tour.completed' || e.type === 'tour.dismissed')
          .map((e) => [e.id, e.type]),
      ).values(),
    ]
    expect(ends).toEqual([`tour.${how.split(' ')[0]}`])
  })
