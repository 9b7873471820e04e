import { expect, type Page, test } from '@playwright/test'
import { flushedEvent, hostHtml, promptDialog, receive, serveHost } from './host'

// A link anyone can send may be hundreds of KB long. Sonde matches URL rules on every event, and what a
// rule the validator takes costs a backtracking engine grows with the square of the URL: a
// ".*x" page trigger and a "/**/a/**/b" audience froze the page for seconds on each event.
const question = [{ id: 'q', type: 'nps', text: 'How likely are you to recommend us?' }]
const config = {
  surveys: [
    {
      id: 'on-x',
      version: 1,
      kind: 'nps',
      questions: question,
      trigger: { page: { regex: '.*x' } },
    },
    {
      id: 'in-b',
      version: 1,
      kind: 'nps',
      questions: question,
      trigger: { event: 'ping' },
      audience: { url: { glob: '/**/a/**/b' } },
    },
    {
      id: 'pinged',
      version: 1,
      kind: 'csat',
      questions: [{ id: 'q', type: 'rating', scale: 5, text: 'How satisfied are you?' }],
      trigger: { event: 'ping' },
    },
  ],
}
type W = {
  sonde: { track(n: string): void; canShow(id: string): { ok: boolean; reason?: string } }
}
const canShow = (page: Page, id: string) =>
  page.evaluate((id) => (window as unknown as W).sonde.canShow(id), id)

test('a crafted 400 KB link leaves the page answering, its rules holding for nothing, and the answer sent', async ({
  page,
}) => {
  const received = await receive(page)
  await page.route('**/fixtures/hostile.config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }),
  )
  const attrs = {
    endpoint: '/v1/batch',
    key: 'pk_hostile',
    config: '/fixtures/hostile.config.json',
  }
  await serveHost(page, hostHtml(attrs))
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto('/app/reports')
  await expect.poll(async () => (await canShow(page, 'pinged')).reason).not.toBe('loading')
  // A route of the app's own, as a link would open it: 400,000 characters of "/a" (Chromium keeps 2 MB).
  await page.evaluate(() => history.pushState(null, '', `/app${'/a'.repeat(200_000)}`))
  await page.evaluate(() => (window as unknown as W).sonde.track('ping'))
  await expect(promptDialog(page)).toHaveAccessibleName(/How satisfied/)
  expect(await canShow(page, 'in-b')).toMatchObject({ ok: false })
  expect(await canShow(page, 'on-x')).toMatchObject({ ok: false })
  // The answer goes out with the page's address cut short: whole, the path (in url and path
  // both) made the event too large for any batch, and the answer was dropped.
  await promptDialog(page).getByRole('radio', { name: /^4/ }).click()
  const completed = await flushedEvent(page, received, 'survey.completed')
  const sent = completed?.context as { page: { url: string; path: string } }
  expect(sent.page.path).toMatch(/^\/app(\/a)+\/?$/)
  expect(sent.page.path.length).toBeLessThanOrEqual(2_000)
  expect(sent.page.url).toBe(new URL(sent.page.url).href)
  expect(sent.page.url.length).toBeLessThanOrEqual(2_000)
  expect(errors).toEqual([])
})
