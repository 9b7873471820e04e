import { expect, type Page, test } from '@playwright/test'
import { hostHtml, promptDialog, receive, serveHost } from './host'

// Issue 6: `destroy` leaves no element behind, also when it comes while a prompt or tour is
// still on its way: its UI chunk loading, or a tour waiting for its first target.

const attrs = {
  endpoint: '/v1/batch',
  key: 'pk_destroy',
  config: '/fixtures/e2e-destroy.config.json',
}
type W = {
  sonde: {
    show(id: string): void
    startTour(id: string): void
    canShow(id: string, kind?: string): { reason?: string }
    destroy(): void
  }
}

async function open(page: Page) {
  await receive(page)
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await expect
    .poll(() => page.evaluate(() => (window as unknown as W).sonde.canShow('csat-ticket').reason))
    .not.toBe('loading')
}

test('destroy while the UI chunk loads: the prompt never appears', async ({ page }) => {
  // The survey chunk takes a while to arrive.
  let requested = false
  await page.route('**/sdk/sonde-ui.js', async (route) => {
    requested = true
    await new Promise((resolve) => setTimeout(resolve, 800))
    await route.continue()
  })
  await open(page)
  await page.evaluate(() => (window as unknown as W).sonde.show('csat-ticket'))
  await expect.poll(() => requested).toBe(true)
  await page.evaluate(() => (window as unknown as W).sonde.destroy())
  await page.waitForTimeout(1_500)
  await expect(page.locator('sonde-root')).toHaveCount(0)
  // The screen lock went with it: another instance of the page's origin could show now.
  const held = await page.evaluate(async () => (await navigator.locks.query()).held?.length ?? 0)
  expect(held).toBe(0)
})

test('destroy while a tour waits for its first target: gone at once, and stays gone', async ({
  page,
}) => {
  await open(page)
  await page.evaluate(() => (window as unknown as W).sonde.startTour('later'))
  // The tour's host element is in the page, waiting (up to 10 s) for #appears-later.
  await expect(page.locator('sonde-root')).toHaveCount(1)
  await page.evaluate(() => (window as unknown as W).sonde.destroy())
  await expect(page.locator('sonde-root')).toHaveCount(0, { timeout: 500 })
  await page.evaluate(() => {
    const target = Object.assign(document.createElement('button'), { id: 'appears-later' })
    document.querySelector('main')?.append(target)
  })
  await page.waitForTimeout(500)
  await expect(page.locator('sonde-root')).toHaveCount(0)
  await expect(promptDialog(page)).toHaveCount(0)
})
