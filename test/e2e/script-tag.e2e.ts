import { expect, test } from '@playwright/test'
import { flushedEvent, hostHtml, promptDialog, receive, serveHost } from './host'

const attrs = { endpoint: '/v1/batch', key: 'pk_test', config: '/fixtures/e2e.config.json' }

test('replays calls made before the bundle loads, and delivers a keyboard answer with context', async ({
  page,
}) => {
  const received = await receive(page)
  const early = `<script>sonde.identify('u_42', { plan: 'pro' }); sonde.track('ticket_closed')</script>`
  await serveHost(page, hostHtml(attrs, early))
  await page.goto('/app/reports?utm_source=mail&token=secret#frag')
  const dialog = promptDialog(page)
  await expect(dialog).toBeVisible()
  await expect(dialog).toHaveAccessibleName(/How satisfied/)
  // A corner prompt does not take focus: Tab reaches it, arrows move, Enter chooses.
  await page.locator('#search').focus()
  const first = dialog.getByRole('radio').first()
  for (let i = 0; i < 8 && !(await first.evaluate((el) => el.matches(':focus'))); i++) {
    await page.keyboard.press('Tab')
  }
  await expect(first).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(dialog.getByRole('radio', { name: /^4/ })).toBeFocused()
  await page.keyboard.press('Enter')
  const completed = await flushedEvent(page, received, 'survey.completed')
  expect(completed).toMatchObject({
    surveyId: 'csat-ticket',
    answers: [{ questionId: 'csat', value: 4 }],
    metric: { kind: 'csat', score: 4, scale: 5, satisfied: true },
    context: {
      page: {
        url: new URL('/app/reports', page.url()).href,
        path: '/app/reports',
        title: 'Acme Reports',
      },
      user: { id: 'u_42', known: true, traits: { plan: 'pro' } },
      device: 'desktop',
      session: { pageViews: 1, events: { ticket_closed: 1 } },
    },
  })
  expect(received.batches[0]).toMatchObject({
    schema: 'sonde.batch/1',
    key: 'pk_test',
    sdk: { name: 'sonde' },
  })
})

test('a reference to the stub taken before load reaches the real methods after it', async ({
  page,
}) => {
  await receive(page)
  const early = `<script>window.kept = window.sonde</script>`
  await serveHost(page, hostHtml(attrs, early))
  await page.goto('/app/reports')
  await page.waitForFunction(
    () => (window as unknown as { sonde: { __sonde?: boolean } }).sonde.__sonde,
  )
  await page.evaluate(() =>
    (window as unknown as { kept: { track(n: string): void } }).kept.track('ticket_closed'),
  )
  await expect(promptDialog(page)).toHaveAccessibleName(/How satisfied/)
})

test('a survey sampled at 0 never shows, even at a higher priority', async ({ page }) => {
  await receive(page)
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await page.evaluate(() =>
    (window as unknown as { sonde: { track(n: string): void } }).sonde.track('ticket_closed'),
  )
  await expect(promptDialog(page)).toHaveAccessibleName(/How satisfied/)
  const check = await page.evaluate(() =>
    (window as unknown as { sonde: { canShow(id: string): unknown } }).sonde.canShow('never'),
  )
  expect(check).toMatchObject({ ok: false, reason: 'audience.sample' })
})

test('a route change cancels a prompt still waiting out its delay', async ({ page }) => {
  await receive(page)
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await page.evaluate(() => {
    const w = window as unknown as { sonde: { track(n: string): void } }
    w.sonde.track('report_exported')
    setTimeout(() => history.pushState(null, '', '/app/settings'), 500)
  })
  await page.waitForTimeout(3_000)
  await expect(page.locator('sonde-root')).toHaveCount(0)
  // The same trigger without a route change does show, after its delay.
  await page.evaluate(() =>
    (window as unknown as { sonde: { track(n: string): void } }).sonde.track('report_exported'),
  )
  await page.waitForTimeout(1_000)
  await expect(page.locator('sonde-root')).toHaveCount(0)
  await expect(promptDialog(page)).toHaveAccessibleName(/recommend Acme/, { timeout: 3_000 })
})

test('the bundle stays silent with no data-* attributes and no init', async ({ page }) => {
  const received = await receive(page)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await serveHost(page, hostHtml({}))
  await page.goto('/app/reports')
  await page.waitForTimeout(500)
  await page.evaluate(() =>
    (window as unknown as { sonde: { track(n: string): void } }).sonde.track('ticket_closed'),
  )
  await page.waitForTimeout(500)
  expect(errors).toEqual([])
  expect(received.requests).toEqual([])
  await expect(page.locator('sonde-root')).toHaveCount(0)
})

test('destroy removes the prompt and stops all work', async ({ page }) => {
  const received = await receive(page)
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await page.evaluate(() =>
    (window as unknown as { sonde: { track(n: string): void } }).sonde.track('ticket_closed'),
  )
  await expect(promptDialog(page)).toBeVisible()
  await page.evaluate(() => (window as unknown as { sonde: { destroy(): void } }).sonde.destroy())
  await expect(page.locator('sonde-root')).toHaveCount(0)
  const before = received.requests.length
  await page.evaluate(() => {
    history.pushState(null, '', '/app/other')
    ;(window as unknown as { sonde: { track(n: string): void } }).sonde.track('ticket_closed')
  })
  await page.waitForTimeout(2_500)
  await expect(page.locator('sonde-root')).toHaveCount(0)
  expect(received.requests.length).toBe(before)
})
