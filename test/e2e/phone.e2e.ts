import { expect, type Page, test } from '@playwright/test'
import { flushedEvent, hostHtml, promptDialog, receive, serveHost } from './host'

// A 360 × 640 phone at 3 device pixels per px, with a touch screen and no mouse: Chromium's
// mobile emulation, which lays out a page without a viewport meta tag 980 px wide, as phones do.
test.use({
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
})

const attrs = { endpoint: '/v1/batch', key: 'pk_test', config: '/fixtures/e2e.config.json' }
const meta = '<meta name="viewport" content="width=device-width, initial-scale=1">'
const early = `<script>sonde.track('ticket_closed')</script>`

// A part's box as the phone's screen shows it, in the px a reader sees.
async function onScreen(page: Page, name: RegExp) {
  const box = await promptDialog(page).getByRole('radio', { name }).boundingBox()
  const scale = await page.evaluate(() => window.visualViewport?.scale ?? 1)
  if (!box) throw new Error('not rendered')
  return { width: box.width * scale, height: box.height * scale }
}

test.describe('on a phone, by tap alone', () => {
  for (const [kind, head] of [
    ['a page made for phones', meta],
    ['a page without a viewport meta tag', ''],
  ] as const) {
    test(`${kind}: the prompt is a readable sheet, and a tap answers`, async ({ page }) => {
      const received = await receive(page)
      await serveHost(page, hostHtml(attrs, head + early))
      await page.goto('/app/reports')
      const dialog = promptDialog(page)
      await expect(dialog).toBeVisible()
      const star = await onScreen(page, /^4/)
      expect(star.width).toBeGreaterThanOrEqual(24)
      expect(star.height).toBeGreaterThanOrEqual(24)
      // Across the bottom of the screen, not a card shrunk into a corner of it.
      const sheet = await dialog.evaluate((el) => {
        const r = el.getBoundingClientRect()
        return { left: r.left, right: r.right, bottom: r.bottom, width: innerWidth }
      })
      expect([Math.round(sheet.left), Math.round(sheet.right)]).toEqual([0, sheet.width])
      await dialog.getByRole('radio', { name: /^4/ }).tap()
      const completed = await flushedEvent(page, received, 'survey.completed')
      expect(completed).toMatchObject({
        answers: [{ questionId: 'csat', value: 4 }],
        context: { device: 'mobile' },
      })
      // No sideways scroll of the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(
        true,
      )
    })
  }
})
