import { expect, type Page, test } from '@playwright/test'
import { hostHtml, promptDialog, receive, serveHost } from './host'

// Issue 6: after `optOut()` Sonde neither stores nor sends anything, nor asks for its config,
// and shows no survey (an answer it could not keep); it remembers the choice (the one thing it
// keeps) across a reload; `optIn()` turns it all back on.

const attrs = { endpoint: '/v1/batch', key: 'pk_optout', config: '/fixtures/e2e.config.json' }
type W = {
  sonde: {
    track(n: string): void
    show(id: string): void
    canShow(id: string): { ok: boolean; reason?: string }
    flush(): Promise<{ sent: number; pending: number }>
    optIn(): void
    optOut(): void
  }
}

/** Every record of every IndexedDB database of the origin, and all of localStorage. */
const storage = (page: Page) =>
  page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
    const databases: Record<string, unknown> = {}
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue
      const db = await request(indexedDB.open(name))
      for (const store of Array.from(db.objectStoreNames)) {
        const tx = db.transaction(store, 'readonly')
        const keys = await request(tx.objectStore(store).getAllKeys())
        const values = await request(tx.objectStore(store).getAll())
        databases[`${name}/${store}`] = JSON.stringify([keys, values])
      }
      db.close()
    }
    return { databases, local: { ...localStorage } }
  })

/** Shows the CSAT prompt (by name, or by its event) and answers it. */
async function answer(page: Page, how: 'show' | 'track') {
  await page.evaluate((how) => {
    const { sonde } = window as unknown as W
    if (how === 'show') sonde.show('csat-ticket')
    else sonde.track('ticket_closed')
  }, how)
  await promptDialog(page).getByRole('radio', { name: /^5/ }).click()
  // The thank-you screen would stay 4 s; closing it is quicker and changes nothing recorded.
  await expect(promptDialog(page)).toContainText(/thank/i)
  await promptDialog(page).getByRole('button', { name: 'Close' }).click()
  await expect(promptDialog(page)).toBeHidden()
}
/** Asks for the CSAT prompt both ways: none comes, and canShow says why. */
async function noPrompt(page: Page) {
  for (const how of ['show', 'track'] as const)
    await page.evaluate((how) => {
      const { sonde } = window as unknown as W
      if (how === 'show') sonde.show('csat-ticket')
      else sonde.track('ticket_closed')
    }, how)
  await page.waitForTimeout(500)
  await expect(promptDialog(page)).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as W).sonde.canShow('csat-ticket'))).toEqual({
    ok: false,
    reason: 'consent',
  })
}
const ready = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => (window as unknown as W).sonde.canShow('csat-ticket').reason))
    .not.toBe('loading')

test('optOut: nothing stored, sent or asked for, the choice survives a reload, optIn sends again', async ({
  page,
}) => {
  const received = await receive(page)
  const configRequests: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('e2e.config.json')) configRequests.push(r.url())
  })
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  await ready(page)
  await page.evaluate(() => (window as unknown as W).sonde.optOut())
  // What the page start wrote (databases, session) settles; from here on nothing may change.
  await page.waitForTimeout(300)
  const before = await storage(page)
  expect(Object.keys(before.databases).length).toBeGreaterThan(0)

  await noPrompt(page)
  expect(await page.evaluate(() => (window as unknown as W).sonde.flush())).toEqual({
    sent: 0,
    pending: 0,
  })
  await page.waitForTimeout(500)
  expect(await storage(page)).toEqual(before)

  // A new page of the same site: still opted out, still nothing written, sent or asked for.
  const asked = configRequests.length
  await page.reload()
  await ready(page)
  await noPrompt(page)
  await page.evaluate(() => (window as unknown as W).sonde.flush())
  await page.waitForTimeout(500)
  expect(await storage(page)).toEqual(before)
  expect(received.requests).toEqual([])
  expect(configRequests).toHaveLength(asked)

  // Opting in again: the next answer is stored and sent, and only that one.
  await page.evaluate(() => (window as unknown as W).sonde.optIn())
  await answer(page, 'track')
  await page.evaluate(() => (window as unknown as W).sonde.flush())
  const types = () => received.batches.flatMap((b) => b.events).map((e) => e.type)
  await expect.poll(types).toContain('survey.completed')
  expect(types().filter((t) => t === 'survey.shown')).toHaveLength(1)
  expect(types().filter((t) => t === 'survey.completed')).toHaveLength(1)
})
