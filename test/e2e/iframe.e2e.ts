import { expect, type Frame, type Page, test } from '@playwright/test'
import { hostHtml, receive, serveHost } from './host'

// Sonde in an app embedded in another site: the app's page in an iframe of the embedding one.
// A sandbox without allow-same-origin gives the app an opaque origin, where reading localStorage
// or document.cookie throws a SecurityError, and IndexedDB and Web Locks are denied:
// Sonde runs on memory, shows its prompt, delivers the answer, and the page sees no error.
const attrs = { endpoint: '/v1/batch', key: 'pk_test', config: '/fixtures/e2e.config.json' }
type W = { sonde: { __sonde?: boolean; track(n: string): void; flush(): Promise<unknown> } }

const embedding = (sandbox: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title></head>
<body><h1>Portal</h1><iframe ${sandbox} src="/app/reports" width="800" height="600"></iframe></body></html>`

// The chunks and the config come from a CDN that allows every origin, as module imports and
// fetches from an opaque origin need.
async function servedToAnyOrigin(page: Page, pattern: string) {
  await page.route(pattern, async (route) => {
    const response = await route.fetch()
    const headers = { ...response.headers(), 'access-control-allow-origin': '*' }
    await route.fulfill({ response, headers })
  })
}

/** The page's errors and console errors, its frames' included. */
function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return errors
}

for (const sandbox of ['sandbox="allow-scripts"', 'sandbox="allow-scripts allow-same-origin"']) {
  test(`in an iframe with ${sandbox}: the prompt shows, the answer arrives, nothing is thrown`, async ({
    page,
  }) => {
    const errors = pageErrors(page)
    const received = await receive(page)
    await servedToAnyOrigin(page, '**/sdk/*')
    await servedToAnyOrigin(page, '**/fixtures/*')
    await serveHost(page, hostHtml(attrs))
    await serveHost(page, embedding(sandbox), '/portal')
    await page.goto('/portal')
    const frame = page.frame({ url: /\/app\/reports/ }) as Frame
    await frame.waitForFunction(() => (window as unknown as W).sonde.__sonde)
    await frame.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
    const dialog = frame.locator('sonde-root').getByRole('dialog')
    await expect(dialog).toBeVisible()
    await dialog.getByRole('radio', { name: /^4/ }).click()
    await frame.evaluate(() => (window as unknown as W).sonde.flush())
    await expect
      .poll(() => received.batches.flatMap((b) => b.events.map((e) => e.type)))
      .toContain('survey.completed')
    expect(errors).toEqual([])
  })
}

test('in a third-party iframe, whose storage the browser denies: answers arrive at each load, nothing is thrown', async ({
  page,
  baseURL,
}) => {
  const errors = pageErrors(page)
  const received = await receive(page)
  await serveHost(page, hostHtml(attrs))
  // The app at 127.0.0.1 embedded by a page at localhost: another site. Chromium blocking
  // third-party cookies, as here, denies its localStorage (SecurityError) and IndexedDB
  // (UnknownError) too; a browser that partitions them instead keeps them per embedding site.
  const app = new URL('/app/reports', baseURL).href
  await serveHost(
    page,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title></head>
<body><iframe src="${app}" width="800" height="600"></iframe></body></html>`,
    '/portal',
  )
  await page.goto(new URL('/portal', baseURL?.replace('127.0.0.1', 'localhost')).href)
  const frame = () => page.frame({ url: /\/app\/reports/ }) as Frame
  const completed = () =>
    received.batches.flatMap((b) => b.events).filter((e) => e.type === 'survey.completed')
  const answer = async (count: number) => {
    await frame().waitForFunction(() => (window as unknown as W).sonde.__sonde)
    await frame().evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
    await frame().locator('sonde-root').getByRole('radio', { name: /^4/ }).click()
    await frame().evaluate(() => (window as unknown as W).sonde.flush())
    await expect.poll(() => completed().length).toBe(count)
  }
  await answer(1)
  await page.reload()
  await answer(2)
  expect(errors).toEqual([])
})
