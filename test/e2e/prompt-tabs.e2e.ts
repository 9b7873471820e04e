import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { hostHtml, promptDialog, receive, serveHost } from './host'

// Issue 6: only one prompt or tour is on screen at a time, across tabs too (a Web Lock is held
// for as long as something is shown).

const attrs = { endpoint: '/v1/batch', key: 'pk_tabs', config: '/fixtures/e2e.config.json' }
type W = { sonde: { track(n: string): void; canShow(id: string): { reason?: string } } }
type Spans = { spans: { start: number; end: number }[] }

// Each page notes when a Sonde host element enters and leaves its document (Date.now() is one
// clock across the tabs of a browser), so overlaps are found however briefly they last.
const recordSpans = () => {
  const w = window as unknown as Spans
  w.spans = []
  const open = new Map<Node, { start: number; end: number }>()
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeName !== 'SONDE-ROOT') continue
        const span = { start: Date.now(), end: Number.POSITIVE_INFINITY }
        open.set(node, span)
        w.spans.push(span)
      }
      for (const node of Array.from(record.removedNodes)) {
        const span = open.get(node)
        if (span) span.end = Date.now()
      }
    }
  }).observe(document, { childList: true, subtree: true })
}
const spansOf = (page: Page) => page.evaluate(() => (window as unknown as Spans).spans)
const track = (page: Page) =>
  page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))

/** Two tabs, each with a Sonde of the key given: one project's, or two projects' on one origin. */
async function twoTabs(context: BrowserContext, keys: [string, string]) {
  const tabs = [await context.newPage(), await context.newPage()] as const
  await receive(tabs[0])
  for (const [i, tab] of tabs.entries()) {
    await tab.addInitScript(recordSpans)
    await serveHost(tab, hostHtml({ ...attrs, key: keys[i] as string }))
    await tab.goto('/app/reports')
    await expect
      .poll(() => tab.evaluate(() => (window as unknown as W).sonde.canShow('csat-ticket').reason))
      .not.toBe('loading')
  }
  // Both tabs are triggered at once; both would show the prompt on their own.
  await Promise.all(tabs.map(track))
  await expect
    .poll(async () => (await Promise.all(tabs.map(spansOf))).flat().length)
    .toBeGreaterThan(0)
  // Count the dialogs on screen across both tabs for a while: never more than one.
  const counts: number[] = []
  for (let i = 0; i < 10; i++) {
    const each = await Promise.all(tabs.map((tab) => promptDialog(tab).count()))
    counts.push(each.reduce((sum, n) => sum + n, 0))
    await tabs[0].waitForTimeout(100)
  }
  expect(Math.max(...counts)).toBe(1)
  const shown = await Promise.all(tabs.map(async (tab) => (await spansOf(tab)).length))
  expect([...shown].sort()).toEqual([0, 1])
  const [winner, other] = shown[0] === 1 ? tabs : [tabs[1], tabs[0]]

  // The other tab's next trigger still finds the prompt on screen in the first: skipped again.
  await track(other)
  await other.waitForTimeout(500)
  expect(await spansOf(other)).toEqual([])
  // Once the first prompt is closed, the other tab's next trigger shows one there.
  await promptDialog(winner).getByRole('button', { name: 'Close' }).click()
  await expect(promptDialog(winner)).toBeHidden()
  await track(other)
  await expect(promptDialog(other)).toHaveAccessibleName(/How satisfied/)

  // Over the whole run, no moment had a host element in both tabs.
  const [a, b] = await Promise.all(tabs.map(spansOf))
  const overlapping = (a ?? []).flatMap((x) =>
    (b ?? []).filter((y) => x.start < y.end && y.start < x.end),
  )
  expect(overlapping).toEqual([])
  expect((a ?? []).length + (b ?? []).length).toBe(2)
}
test('two tabs never show prompts at the same time', ({ context }) =>
  twoTabs(context, ['pk_tabs', 'pk_tabs']))
// Two teams' snippets on one origin, each with a key, a queue and a display history of its own:
// the screen is still one.
test('two tabs of two projects never show prompts at the same time', ({ context }) =>
  twoTabs(context, ['pk_tabs_a', 'pk_tabs_b']))

// One page: the app's bundle imports the npm build (dist/esm) for its team's project, beside the
// script tag of another team's. Each would show its prompt at the same trigger.
test("an npm build beside another project's script tag on one page shows one prompt at a time", async ({
  page,
}) => {
  type Api = W['sonde'] & { on(type: string, handler: () => void): void }
  type Both = { tag: Api; npm: Api; shown: string[] }
  await receive(page)
  await page.addInitScript(recordSpans)
  await serveHost(page, hostHtml({ ...attrs, key: 'pk_beside_tag' }))
  await page.goto('/app/reports')
  await page.waitForFunction(() =>
    (window as unknown as { sonde?: { __on?(): unknown } }).sonde?.__on?.(),
  )
  await page.evaluate(async () => {
    const w = window as unknown as Both & { sonde: Api }
    const sdk = '/sdk/esm/index.js'
    const { init } = (await import(sdk)) as { init(options: unknown): Api }
    w.tag = w.sonde
    w.npm = init({
      endpoint: '/v1/batch',
      key: 'pk_beside_npm',
      config: '/fixtures/e2e.config.json',
    })
    w.shown = []
    w.tag.on('survey:shown', () => w.shown.push('tag'))
    w.npm.on('survey:shown', () => w.shown.push('npm'))
  })
  const reasons = () =>
    page.evaluate(() => {
      const w = window as unknown as Both
      return [w.tag, w.npm].map((api) => api.canShow('csat-ticket').reason)
    })
  await expect.poll(reasons).toEqual([undefined, undefined])
  const trackIn = (which: Array<'tag' | 'npm'>) =>
    page.evaluate((which) => {
      const w = window as unknown as Both
      for (const name of which) w[name].track('ticket_closed')
    }, which)
  const shown = () => page.evaluate(() => (window as unknown as Both).shown)

  await trackIn(['tag', 'npm'])
  await expect.poll(async () => (await shown()).length).toBeGreaterThan(0)
  await page.waitForTimeout(1_000)
  expect(await shown()).toHaveLength(1)
  expect(await promptDialog(page).count()).toBe(1)
  const [first] = await shown()
  const other = first === 'tag' ? 'npm' : 'tag'

  // Once the first prompt is closed, the other project's next trigger shows its own.
  await promptDialog(page).getByRole('button', { name: 'Close' }).click()
  await expect(promptDialog(page)).toHaveCount(0)
  await trackIn([other])
  await expect.poll(shown).toEqual([first, other])
  await expect(promptDialog(page)).toHaveAccessibleName(/How satisfied/)
  const spans = await spansOf(page)
  const overlapping = spans.filter((x, i) =>
    spans.some((y, j) => i !== j && x.start < y.end && y.start < x.end),
  )
  expect(overlapping).toEqual([])
})

test('a survey answered in one tab is not asked again in another, nor its cooldown lost', async ({
  context,
}) => {
  const rules = { ...attrs, key: 'pk_tabs_rules', config: '/fixtures/e2e-rules.config.json' }
  type R = { sonde: { track(n: string): void; canShow(id: string): { reason?: string } } }
  const reason = (tab: Page, id: string) =>
    tab.evaluate((id) => (window as unknown as R).sonde.canShow(id).reason, id)
  const trackIn = (tab: Page, name: string) =>
    tab.evaluate((name) => (window as unknown as R).sonde.track(name), name)
  const tabs = [await context.newPage(), await context.newPage()] as const
  await receive(tabs[0])
  // Both tabs open before anything is answered: each loaded an empty display history.
  for (const tab of tabs) {
    await serveHost(tab, hostHtml(rules))
    await tab.goto('/app/reports')
    await expect.poll(() => reason(tab, 'csat-recontact')).toBeUndefined()
  }
  const [first, second] = tabs
  await trackIn(first, 'ticket_closed')
  await promptDialog(first).getByRole('radio', { name: /^4/ }).click()
  await promptDialog(first).getByRole('button', { name: 'Close' }).click()
  await expect(first.locator('sonde-root')).toHaveCount(0)

  // The other tab's triggers come later: the survey's recontact period and the project's
  // cooldown, started in the first tab, hold there too.
  await trackIn(second, 'ticket_closed')
  await trackIn(second, 'report_exported')
  await second.waitForTimeout(1_500)
  await expect(second.locator('sonde-root')).toHaveCount(0)
  expect(await reason(second, 'csat-recontact')).toBe('frequency.recontact')
  expect(await reason(second, 'nps-cooldown')).toBe('global.cooldown')
  // What the second tab saved since (its event counts) did not erase the first tab's answer.
  await first.reload()
  await expect.poll(() => reason(first, 'csat-recontact')).toBe('frequency.recontact')
  expect(await reason(first, 'nps-cooldown')).toBe('global.cooldown')
})
