import { expect, type Page, test } from '@playwright/test'
import { hostHtml, receive, serveHost } from './host'

const attrs = { endpoint: '/v1/batch', key: 'pk_test', config: '/fixtures/e2e-tour.config.json' }
const tooltip = (page: Page) => page.locator('sonde-root').getByRole('dialog')
type W = { sonde: { flush(): Promise<unknown> } }

test('a tour starts on its page, resumes after a reload, advances on a click, and is shown once', async ({
  page,
}) => {
  const received = await receive(page)
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await expect(tooltip(page)).toContainText('Create a report')
  await expect(tooltip(page)).toContainText(/1\D+3/)
  await tooltip(page).getByRole('button', { name: 'Next' }).click()
  await expect(tooltip(page)).toContainText('Export')
  // A reload in the middle: the tour comes back at the same step, without a second start.
  await page.reload()
  await expect(tooltip(page)).toContainText('Export')
  await page.locator('[data-tour=export]').click()
  await expect(tooltip(page)).toContainText('Search')
  await tooltip(page).getByRole('button', { name: 'Done' }).click()
  await expect(page.locator('sonde-root')).toHaveCount(0)
  await page.evaluate(() => (window as unknown as W).sonde.flush())
  const types = () => received.batches.flatMap((b) => b.events).map((e) => e.type)
  await expect.poll(types).toContain('tour.completed')
  const started = received.batches.flatMap((b) => b.events).filter((e) => e.type === 'tour.started')
  expect(new Set(started.map((e) => e.id)).size).toBe(1)
  // A reload may resend what was in flight; the event id makes that harmless, so count by id.
  const byId = new Map(received.batches.flatMap((b) => b.events).map((e) => [e.id, e]))
  const steps = [...byId.values()].filter((e) => e.type === 'tour.step')
  expect(steps.map((e) => e.stepId)).toEqual(['new', 'export', 'search'])
  for (const step of steps) expect(step.dwellMs).toBeGreaterThanOrEqual(0)
  // Shown once: a later visit does not bring it back.
  await page.reload()
  await page.waitForTimeout(1_000)
  await expect(page.locator('sonde-root')).toHaveCount(0)
})

test('Escape dismisses a tour and reports why', async ({ page }) => {
  const received = await receive(page)
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await expect(tooltip(page)).toContainText('Create a report')
  await page.keyboard.press('Escape')
  await expect(page.locator('sonde-root')).toHaveCount(0)
  await page.evaluate(() => (window as unknown as W).sonde.flush())
  await expect
    .poll(() => received.batches.flatMap((b) => b.events).find((e) => e.type === 'tour.dismissed'))
    .toMatchObject({ tourId: 'welcome', stepId: 'new', reason: 'esc' })
})

test('leaving the pages a tour belongs to dismisses it with reason route', async ({ page }) => {
  const received = await receive(page)
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await expect(tooltip(page)).toContainText('Create a report')
  await page.evaluate(() => history.pushState(null, '', '/settings'))
  await expect(page.locator('sonde-root')).toHaveCount(0)
  await page.evaluate(() => (window as unknown as W).sonde.flush())
  await expect
    .poll(() => received.batches.flatMap((b) => b.events).find((e) => e.type === 'tour.dismissed'))
    .toMatchObject({ tourId: 'welcome', reason: 'route' })
})
