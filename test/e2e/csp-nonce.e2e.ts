import { expect, test } from '@playwright/test'
import { hostHtml, promptDialog, serveHost } from './host'

// Where constructable stylesheets are missing (Safari before 16.4), Sonde's styles go in a
// <style> element, which a CSP allowing styles by nonce only lets in with the page's nonce: a
// prompt without it would be unstyled text over the host's page.
const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'nonce-r4nd0m'",
  "style-src 'self' 'nonce-r4nd0m'",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
].join('; ')

test('without constructable stylesheets, a prompt is styled under a nonce-only CSP', async ({
  page,
}) => {
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    )
    // As in a browser without them: adopting a constructed sheet is refused.
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => {
        throw new TypeError('adoptedStyleSheets is not supported')
      },
    })
  })
  await page.route('**/v1/batch', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: '{"accepted":[],"rejected":[]}',
    }),
  )
  const attrs = { endpoint: '/v1/batch', key: 'pk_csp', config: '/fixtures/e2e.config.json' }
  const html = hostHtml(attrs).replaceAll('<script ', '<script nonce="r4nd0m" ')
  await serveHost(page, html, '/app/reports', { 'content-security-policy': POLICY })
  await page.goto('/app/reports')
  await page.waitForFunction(() => (window as { sonde?: { __sonde?: boolean } }).sonde?.__sonde)
  await page.evaluate(() =>
    (window as unknown as { sonde: { track(n: string): void } }).sonde.track('ticket_closed'),
  )
  const close = promptDialog(page).getByRole('button', { name: /close/i })
  await expect(close).toBeVisible()
  // The close button's rule (Prompt.css.ts) applies: the sheet went in.
  expect(await close.evaluate((el) => getComputedStyle(el).borderRadius)).toBe('8px')
  expect(violations).toEqual([])
})
