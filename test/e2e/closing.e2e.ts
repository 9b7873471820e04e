import { type BrowserContext, expect, type Page } from '@playwright/test'
import { holdStore, hostHtml, OUTBOX, promptDialog } from './host'
import { type Receiver, test } from './outbox'

// The visitor answers and closes the tab at once (the last thing they meant to do there). The
// answer must reach the endpoint as the page goes (a keepalive request at pagehide), or stay
// stored for their next page, which sends it: never lost, and counted once.
const attrs = { endpoint: '/v1/batch', key: 'pk_test', config: '/fixtures/e2e.config.json' }
type W = { sonde: { flush(): Promise<{ sent: number; pending: number }> } }
const completions = (receiver: Receiver) =>
  receiver.exchanges.flatMap((x) => x.events).filter((e) => e.type === 'survey.completed')

async function showPrompt(page: Page) {
  await page.waitForFunction(() => (window as { sonde?: { __sonde?: boolean } }).sonde?.__sonde)
  await page.evaluate(() =>
    (window as unknown as { sonde: { track(n: string): void } }).sonde.track('ticket_closed'),
  )
  await expect(promptDialog(page)).toBeVisible()
}
async function answerAndClose(page: Page) {
  await promptDialog(page).getByRole('radio', { name: /^4/ }).click()
  await page.close()
}
// Offline, the prompt answered and the tab closed at once (after `before`, once it is on screen).
async function answerOfflineAndClose(
  context: BrowserContext,
  receiver: Receiver,
  before: (page: Page) => Promise<void> = async () => {},
) {
  receiver.host(hostHtml(attrs))
  const page = await context.newPage()
  await page.goto(`${receiver.origin}/app/reports`)
  await showPrompt(page)
  await before(page)
  await context.setOffline(true)
  await answerAndClose(page)
  await context.setOffline(false)
}
// Back online, the next page sends the answer, once. First, from a page of the origin without
// Sonde, the answer is found kept (in the outbox's database or a copy in localStorage): a failure
// there is an answer lost as the tab closed, one after it a next page too slow to send it (it
// looks 3 s after it starts, then loads the code that sends: 20 s leaves a loaded machine room).
async function nextPageSends(context: BrowserContext, receiver: Receiver): Promise<Page> {
  const probe = await context.newPage()
  await probe.goto(`${receiver.origin}${attrs.config}`)
  await expect
    .poll(() => probe.evaluate(keptTypes), { timeout: 5_000 })
    .toContain('survey.completed')
  await probe.close()
  const next = await context.newPage()
  await next.goto(`${receiver.origin}/app/reports`)
  await expect.poll(() => completions(receiver).length, { timeout: 20_000 }).toBe(1)
  return next
}

test('an answer given just before the tab is closed goes as the page goes', async ({
  context,
  receiver,
}) => {
  receiver.host(hostHtml(attrs))
  const page = await context.newPage()
  // The code that sends never arrives (a slow CDN edge): only the page going can send the answer.
  await page.route('**/sdk/sonde-outbox-*', () => {})
  await page.goto(`${receiver.origin}/app/reports`)
  await showPrompt(page)
  await answerAndClose(page)
  await expect.poll(() => completions(receiver).length, { timeout: 5_000 }).toBe(1)
  // Still stored all the same: the next page sends it again, under the same id.
  const next = await context.newPage()
  await next.goto(`${receiver.origin}/app/reports`)
  await expect.poll(() => receiver.exchanges.length, { timeout: 10_000 }).toBeGreaterThan(1)
  expect(new Set(completions(receiver).map((e) => e.id)).size).toBe(1)
})

test('an answer given offline just before the tab is closed goes from the next page', async ({
  context,
  receiver,
}) => {
  await answerOfflineAndClose(context, receiver)
  expect(completions(receiver)).toEqual([])
  const next = await nextPageSends(context, receiver)
  // Sent once, not once from the copy and again from the database: nothing is left to send.
  await expect
    .poll(() => next.evaluate(() => (window as unknown as W).sonde.flush()))
    .toEqual({ sent: 0, pending: 0 })
  expect(completions(receiver)).toHaveLength(1)
})

test('an answer whose write is still under way as the tab closes goes from the next page', async ({
  context,
  receiver,
}) => {
  // A transaction that never ends holds the outbox's store (a slow disk, a busy database): the
  // answer's write waits behind it, and the tab is closed before it could begin.
  await answerOfflineAndClose(context, receiver, (page) =>
    expect.poll(() => page.evaluate(holdStore, OUTBOX)).toBe(true),
  )
  const next = await nextPageSends(context, receiver)
  // Taken back into the outbox, sent and acked: no copy is left to send again.
  await expect
    .poll(() => next.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':unsent'))))
    .toEqual([])
})

test('an answer given while the code that sends fails to load goes from the next page', async ({
  context,
  receiver,
}) => {
  receiver.host(hostHtml(attrs))
  const page = await context.newPage()
  // The code that sends fails to download (a CDN edge refusing it), and the endpoint is down as
  // the page goes: only what the page stored can bring the answer to the next one.
  await page.route('**/sdk/sonde-outbox-*', (route) => route.abort('failed'))
  await page.goto(`${receiver.origin}/app/reports`)
  await showPrompt(page)
  receiver.behaviour.status = 503
  await answerAndClose(page)
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  expect(receiver.exchanges.filter((x) => x.status === 200)).toEqual([])
  receiver.behaviour.status = 200
  const next = await nextPageSends(context, receiver)
  // Sent once it is stored nowhere: a flush finds nothing more, and no second id came.
  await expect
    .poll(() => next.evaluate(() => (window as unknown as W).sonde.flush()))
    .toEqual({ sent: 0, pending: 0 })
  expect(new Set(completions(receiver).map((e) => e.id)).size).toBe(1)
})

test('answers waiting in memory in two tabs closed at once both go from the next page', async ({
  context,
  receiver,
}) => {
  receiver.host(hostHtml(attrs))
  // No IndexedDB (a private mode, a barred iframe): each tab's outbox lives in memory, and the
  // copy each makes as it goes is all that is left of its answers.
  await context.addInitScript(() =>
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }),
  )
  const [first, second] = [await context.newPage(), await context.newPage()]
  for (const tab of [first, second]) await tab.goto(`${receiver.origin}/app/reports`)
  // The endpoint fails meanwhile (an outage): what the tabs hold stays with them.
  receiver.behaviour.status = 503
  // One prompt on screen at a time, across tabs: the first is dismissed, the second answered.
  await showPrompt(first)
  await promptDialog(first).getByRole('button', { name: 'Close' }).click()
  await expect(promptDialog(first)).toBeHidden()
  await expect.poll(() => showAgain(second), { timeout: 10_000 }).toBe(true)
  await promptDialog(second).getByRole('radio', { name: /^4/ }).click()
  // Both go together (a window of tabs closed, the browser quit): each copies what it holds.
  await Promise.all([first.close(), second.close()])
  // Once their last requests (keepalive, at pagehide) have been refused too.
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  receiver.behaviour.status = 200
  const next = await context.newPage()
  await next.goto(`${receiver.origin}/app/reports`)
  const sent = (type: string) =>
    receiver.exchanges
      .filter((x) => x.status === 200)
      .flatMap((x) => x.events)
      .filter((e) => e.type === type).length
  // Three pages' worth of work on a busy machine: the next page looks 3 s after it starts.
  await expect.poll(() => sent('survey.completed'), { timeout: 15_000 }).toBe(1)
  expect(sent('survey.dismissed')).toBe(1)
})

async function showAgain(page: Page): Promise<boolean> {
  if ((await promptDialog(page).count()) > 0) return true
  await page.evaluate(() =>
    (window as unknown as { sonde: { track(n: string): void } }).sonde.track('ticket_closed'),
  )
  return (await promptDialog(page).count()) > 0
}

// The types of the events kept on this origin: the outbox's records and the copies of unsent ones.
async function keptTypes(): Promise<string[]> {
  const types: string[] = []
  for (const [key, value] of Object.entries(localStorage)) {
    if (!key.includes(':unsent')) continue
    for (const match of value.matchAll(/"type":"([\w.]+)"/g)) types.push(match[1] as string)
  }
  const names = (await indexedDB.databases()).map((d) => d.name ?? '')
  const name = names.find((n) => /^sonde-outbox-[a-z0-9]+$/.test(n))
  if (!name) return types
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  if (db.objectStoreNames.contains('outbox')) {
    const values = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('outbox').objectStore('outbox').getAll()
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    for (const value of values) {
      const type = (value as { record?: { event?: { type?: unknown } } }).record?.event?.type
      if (typeof type === 'string') types.push(type)
    }
  }
  db.close()
  return types
}
