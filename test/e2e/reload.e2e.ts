import { expect } from '@playwright/test'
import { hostHtml, promptDialog } from './host'
import { outboxIds, test } from './outbox'

// Issue 3, test 10: the page reloads while a batch is on its way and its reply has not come back.

const attrs = { endpoint: '/v1/batch', key: 'pk_test', config: '/fixtures/e2e.config.json' }
type W = { sonde: { track(n: string): void; flush(): Promise<{ sent: number; pending: number }> } }

test('a reload while a send is in flight: nothing lost, any resend under the same id', async ({
  page,
  receiver,
}) => {
  receiver.host(hostHtml(attrs))
  await page.goto(`${receiver.origin}/app/reports`)
  await page.evaluate(() => (window as unknown as W).sonde.track('ticket_closed'))
  await expect(promptDialog(page)).toBeVisible()
  // `survey.shown` delivered and forgotten first, so that only the answer is at stake (alone,
  // it would wait to go with the answer).
  await page.evaluate(() => (window as unknown as W).sonde.flush())
  await expect.poll(() => receiver.exchanges.some((x) => x.end < Infinity)).toBe(true)
  await expect.poll(async () => (await outboxIds(page))?.length).toBe(0)
  // The answer leaves for a receiver that takes 10 s to reply.
  receiver.behaviour.delayMs = 10_000
  await promptDialog(page).getByRole('radio', { name: /^4/ }).click()
  const inFlight = () => receiver.exchanges.filter((x) => x.end === Number.POSITIVE_INFINITY)
  await expect.poll(() => inFlight().length, { timeout: 10_000 }).toBe(1)
  // Both events of the answer are stored (one is in flight, perhaps both): reload now.
  await expect.poll(async () => (await outboxIds(page))?.length).toBe(2)
  const sent = inFlight()[0]?.ids ?? []
  expect(sent.length).toBeGreaterThan(0)
  // Only the request already in flight waits out its 10 s.
  receiver.behaviour.delayMs = 0
  await page.reload()

  // The new page sends again what was in flight, under the same ids, and everything arrives.
  const times = (id: string) => receiver.exchanges.filter((x) => x.ids.includes(id)).length
  await expect.poll(() => sent.map(times), { timeout: 15_000 }).not.toContain(1)
  const types = receiver.exchanges.flatMap((x) => x.events)
  // Every event of the answer arrived, each under one id however many times it was sent.
  const idsOf = (type: string) => new Set(types.filter((e) => e.type === type).map((e) => e.id))
  for (const type of ['survey.shown', 'survey.answered', 'survey.completed'])
    expect(idsOf(type).size).toBe(1)
  await expect
    .poll(() => page.evaluate(() => (window as unknown as W).sonde.flush()))
    .toEqual({ sent: 0, pending: 0 })
  await expect.poll(() => outboxIds(page)).toEqual([])
})
