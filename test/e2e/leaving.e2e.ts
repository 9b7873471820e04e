import { expect, type Page } from '@playwright/test'
import { HISTORY, holdStore, hostHtml, promptDialog } from './host'
import { test } from './outbox'

// The visitor answers or closes a survey and leaves in the same task (a link, a reload, the tab
// closed): what they did must hold on their next page, in this tab or a new one, as the display
// history says it does (a survey answered is not asked again, one dismissed not this session).
// The history's write in IndexedDB takes a few ms and a page replaced at once can drop it (3
// walks of 11 here, the survey on screen again); a transaction held on its database makes that
// every time. What Sonde says of the survey on the next page is 'busy' when it is shown again.
const attrs = { endpoint: '/v1/batch', key: 'pk_test', config: '/fixtures/e2e.config.json' }
type W = {
  sonde: { track(n: string): void; canShow(id: string): { ok: boolean; reason?: string } }
}

async function showNps(page: Page) {
  await page.waitForFunction(
    () => (window as unknown as { sonde?: { __sonde?: boolean } }).sonde?.__sonde,
  )
  await page.evaluate(() => (window as unknown as W).sonde.track('report_exported'))
  await expect(promptDialog(page)).toBeVisible({ timeout: 10_000 })
}

// The next page due to show the survey again (its trigger tracked, its 2 s delay waited out):
// what Sonde says of it once its code has looked, and whether it came on screen.
async function nextPage(page: Page, origin: string) {
  await page.goto(`${origin}/app/reports/next`)
  await page.waitForFunction(
    () => (window as unknown as { sonde?: { __sonde?: boolean } }).sonde?.__sonde,
  )
  await page.evaluate(() => (window as unknown as W).sonde.track('report_exported'))
  await expect
    .poll(() => page.evaluate(() => (window as unknown as W).sonde.canShow('nps-delayed').reason), {
      timeout: 10_000,
    })
    .toMatch(/^frequency/)
  return promptDialog(page).count()
}

test('a survey answered as the page is left is not asked again on the next page', async ({
  page,
  receiver,
}) => {
  receiver.host(hostHtml(attrs))
  await page.goto(`${receiver.origin}/app/reports`)
  await showNps(page)
  await expect.poll(() => page.evaluate(holdStore, HISTORY)).toBe(true)
  // 9 answers and ends it; a link taken in the same task replaces the page.
  await page.evaluate((origin) => {
    const host = document.querySelector('sonde-root')
    const nine = [...(host?.shadowRoot?.querySelectorAll('[role=radio]') ?? [])].find(
      (radio) => radio.textContent?.trim() === '9',
    ) as HTMLElement
    nine.click()
    location.href = `${origin}/fixtures/e2e.config.json`
  }, receiver.origin)
  await page.waitForURL('**/fixtures/**')
  expect(await nextPage(page, receiver.origin)).toBe(0)
})

test('a survey closed with Escape as the tab is closed is not asked again in a new tab', async ({
  context,
  receiver,
}) => {
  receiver.host(hostHtml(attrs))
  const page = await context.newPage()
  await page.goto(`${receiver.origin}/app/reports`)
  await showNps(page)
  await expect.poll(() => page.evaluate(holdStore, HISTORY)).toBe(true)
  await promptDialog(page).getByRole('radio', { name: /^9/ }).focus()
  await page.keyboard.press('Escape')
  await page.close()
  const next = await context.newPage()
  expect(await nextPage(next, receiver.origin)).toBe(0)
})

test('a survey whose frequency asks again at once is asked again after an answer and a link', async ({
  page,
  receiver,
}) => {
  receiver.host(hostHtml(attrs))
  await page.goto(`${receiver.origin}/app/reports`)
  await page.waitForFunction(
    () => (window as unknown as { sonde?: { __sonde?: boolean } }).sonde?.__sonde,
  )
  // csat-ticket: recontactDays and dismissCooldownDays 0, due again as soon as it is answered.
  await page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
  await expect(promptDialog(page)).toBeVisible({ timeout: 10_000 })
  await expect.poll(() => page.evaluate(holdStore, HISTORY)).toBe(true)
  await page.evaluate((origin) => {
    const host = document.querySelector('sonde-root')
    const four = host?.shadowRoot?.querySelector<HTMLElement>('[role=radio][aria-label^="4"]')
    four?.click()
    location.href = `${origin}/fixtures/e2e.config.json`
  }, receiver.origin)
  await page.waitForURL('**/fixtures/**')
  await page.goto(`${receiver.origin}/app/reports/next`)
  await page.waitForFunction(
    () => (window as unknown as { sonde?: { __sonde?: boolean } }).sonde?.__sonde,
  )
  await page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
  await expect(promptDialog(page)).toBeVisible({ timeout: 10_000 })
})
