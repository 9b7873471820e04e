import { expect, type Page, test } from '@playwright/test'

// The whole loop on the demo: Acme Reports (script tag only) → the collector → stats and
// dashboard. One person's visit, in order; the collector starts empty for this run.
const demo = `http://localhost:${process.env.SONDE_E2E_DEMO_PORT ?? 15173}`
const collector = `http://127.0.0.1:${process.env.SONDE_E2E_COLLECTOR_PORT ?? 18787}`
const readKey = 'rk_demo_read_key_change_me'
const sonde = (page: Page) => page.locator('sonde-root').getByRole('dialog')

async function stats(surveyId: string) {
  const reply = await fetch(`${collector}/v1/stats/${surveyId}?key=pk_demo`, {
    headers: { authorization: `Bearer ${readKey}` },
  })
  return (await reply.json()) as { counts: { completed?: number }; score: { n: number } | null }
}

async function switchLanguage(page: Page, locale: string) {
  await page.locator('#lang-select').selectOption(locale)
  await page.waitForLoadState('load')
  await expect(page.locator('#lang-select')).toHaveValue(locale)
  // The app's pages are English whatever the visitor's language: only Sonde speaks it.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.locator('html')).not.toHaveAttribute('dir', 'rtl')
}

test.setTimeout(120_000)

test('tour, NPS by keyboard, CES in French, CSAT in Arabic offline: all in stats and dashboard', async ({
  page,
}) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(demo)
  await page.getByRole('button', { name: /Ada/ }).click()

  // The welcome tour, on real controls.
  await expect(sonde(page)).toContainText('Your reports')
  await sonde(page).getByRole('button', { name: 'Next' }).click()
  await expect(sonde(page)).toContainText('Create a report')
  await sonde(page).getByRole('button', { name: 'Next' }).click()
  await expect(sonde(page)).toContainText('Your language')
  await sonde(page).getByRole('button', { name: 'Done' }).click()
  await expect(page.locator('sonde-root')).toHaveCount(0)

  // Third page view of a pro user: NPS, answered with the keyboard only.
  await page.locator('#nav-reports').click()
  await page.locator('#nav-support').click()
  const nps = sonde(page)
  await expect(nps).toHaveAccessibleName(/recommend Acme Reports/)
  // Two keystrokes, as promised: Tab from the link just used reaches the scale, 9 answers.
  await page.keyboard.press('Tab')
  await expect(nps.getByRole('radio', { name: /^0/ })).toBeFocused()
  await page.keyboard.press('9')
  await expect(nps).toHaveAccessibleName(/What do you love most/)
  await page.keyboard.type('Fast exports')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(nps.getByText(/thank/i)).toBeVisible()

  // CES after an export, in French.
  await switchLanguage(page, 'fr')
  await page.locator('#nav-reports').click()
  await page.getByRole('button', { name: 'Export CSV' }).first().click()
  const ces = sonde(page)
  await expect(ces).toHaveAccessibleName(/exporter mon rapport facilement/, { timeout: 10_000 })
  // Not easy (3 of 7): the follow-up asks what got in the way.
  await ces.getByRole('radio', { name: /^3/ }).click()
  await expect(ces).toHaveAccessibleName(/Qu’est-ce qui vous a gêné/)
  // A single choice answers with one click; the French thank-you follows.
  await ces.getByRole('radio', { name: 'Vitesse' }).click()
  await expect(ces.getByText(/merci/i)).toBeVisible()
  await expect(page.locator('sonde-root')).toHaveCount(0, { timeout: 10_000 })

  // CSAT after a solved ticket, in Arabic, right to left, while the app is offline.
  await switchLanguage(page, 'ar')
  await page.locator('#nav-support').click()
  await page.locator('#network-toggle').click()
  await expect(page.locator('#network-toggle')).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('button', { name: 'Mark solved' }).first().click()
  const csat = sonde(page)
  await expect(csat).toHaveAccessibleName(/ما مدى رضاك/)
  await expect(csat).toHaveAttribute('dir', 'rtl')
  await expect(csat).toHaveAttribute('lang', 'ar')
  await csat.getByRole('radio', { name: /^5/ }).click()
  await expect(page.locator('#outbox')).not.toHaveText('Outbox: 0')
  expect((await stats('csat-ticket')).counts.completed ?? 0).toBe(0)
  await page.locator('#network-toggle').click()
  await expect(page.locator('#outbox')).toHaveText('Outbox: 0', { timeout: 20_000 })

  // Everything reached the collector, once.
  await expect.poll(async () => (await stats('nps-q4')).score?.n, { timeout: 20_000 }).toBe(1)
  await expect.poll(async () => (await stats('ces-export')).score?.n, { timeout: 20_000 }).toBe(1)
  await expect.poll(async () => (await stats('csat-ticket')).score?.n, { timeout: 20_000 }).toBe(1)
  expect(errors).toEqual([])

  // And on the dashboard.
  const board = await page.context().newPage()
  await board.goto(`${collector}/dashboard/`)
  await board.getByLabel('Project key').fill('pk_demo')
  await board.getByLabel('Read key').fill(readKey)
  await board.getByRole('button', { name: 'Open' }).click()
  await expect(board.locator('#results')).toBeVisible()
  await expect(board.getByText('Fast exports')).toBeVisible({ timeout: 10_000 })
})
