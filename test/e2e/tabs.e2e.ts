import { expect, type Page } from '@playwright/test'
import { hostHtml, promptDialog } from './host'
import { fakeEvent, outboxIds, outboxReady, overlaps, seedOutbox, test } from './outbox'

// Issue 3, test 6: two tabs share one outbox while the connection comes and goes. One sender at
// a time (Web Locks): an event is never in flight from both tabs at once, and every event arrives.

const attrs = { endpoint: '/v1/batch', key: 'pk_test', config: '/fixtures/e2e.config.json' }
type W = { sonde: { track(n: string): void; flush(): Promise<{ sent: number; pending: number }> } }

async function answer(page: Page) {
  await page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
  await promptDialog(page).getByRole('radio', { name: /^5/ }).click()
  await expect(promptDialog(page)).toBeHidden()
}

test('two tabs toggling online/offline: never the same id in flight twice at once; all N arrive', async ({
  context,
  receiver,
}) => {
  // Two tabs answering a prompt each, then ten slow batches: more than the default 30 s.
  test.setTimeout(90_000)
  receiver.host(hostHtml(attrs))
  // Slow replies keep each batch in flight long enough for the other tab to try its luck.
  receiver.behaviour.delayMs = 200
  const tabs = [await context.newPage(), await context.newPage()] as const
  for (const tab of tabs) await tab.goto(`${receiver.origin}/app/reports`)
  await outboxReady(tabs[0])
  // Each tab answers a survey (events enqueued by both)...
  for (const tab of tabs) await answer(tab)
  // ...and a backlog from an earlier visit waits in the shared outbox.
  const run = Date.now().toString(36)
  const backlog = Array.from({ length: 500 }, (_, i) => fakeEvent(`tabs-${run}-${i}`, 300))
  await context.setOffline(true)
  await seedOutbox(tabs[0], backlog)
  // The connection comes back, and drops again as soon as a batch is on its way, so that the
  // flush breaks off and both tabs rush to send when it returns.
  const missing = () => backlog.filter((e) => !receiver.acked().has(e.id)).length
  for (let i = 0; i < 6 && missing() > 0; i++) {
    const seen = receiver.exchanges.length
    await context.setOffline(false)
    await expect
      .poll(() => receiver.exchanges.length > seen || missing() === 0, { timeout: 10_000 })
      .toBe(true)
    await context.setOffline(true)
    await tabs[0].waitForTimeout(300)
  }
  await context.setOffline(false)
  await expect.poll(missing, { timeout: 30_000 }).toBe(0)
  // Both answers arrived too, once each however often they were sent.
  const completed = () =>
    receiver.exchanges.flatMap((x) => x.events).filter((e) => e.type === 'survey.completed')
  await expect.poll(() => new Set(completed().map((e) => e.id)).size).toBe(2)
  for (const tab of tabs) {
    await expect
      .poll(() => tab.evaluate(() => (window as unknown as W).sonde.flush()))
      .toMatchObject({ pending: 0 })
  }
  await expect.poll(() => outboxIds(tabs[0])).toEqual([])
  // Sends went in turns, so two batches in flight together never shared an event.
  expect(receiver.exchanges.length).toBeGreaterThan(6)
  expect(overlaps(receiver.exchanges)).toEqual([])
})
