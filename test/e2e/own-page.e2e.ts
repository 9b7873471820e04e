import { expect, test } from '@playwright/test'
import { promptDialog } from './host'

// README's first hour: the script tag pasted into a page of the team's own (pages/own-page.html),
// on an origin other than the demo app's, sending to the demo's collector, which takes it when
// the demo is started with SONDE_DEMO_ORIGINS naming it (playwright.config.ts names this
// server's). Without it the collector refused the page and the console said only "Failed to
// fetch".
const collector = `http://127.0.0.1:${process.env.SONDE_E2E_COLLECTOR_PORT ?? 18787}`
const readKey = 'rk_demo_read_key_change_me'

async function csatAnswered(): Promise<number> {
  const reply = await fetch(`${collector}/v1/stats/csat-ticket?key=pk_demo`, {
    headers: { authorization: `Bearer ${readKey}` },
  })
  return ((await reply.json()) as { score: { n: number } | null }).score?.n ?? 0
}

test('a page of your own with the script tag gets the demo survey and its answer is scored', async ({
  page,
}) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  const before = await csatAnswered()
  await page.goto('/own-page.html')
  // The demo's CSAT follows a solved ticket.
  await page.getByRole('button', { name: 'Close the ticket' }).click()
  const csat = promptDialog(page)
  await expect(csat).toHaveAccessibleName(/How satisfied are you with the help/)
  await csat.getByRole('radio', { name: /^4/ }).click()
  await expect(csat.getByText(/thank/i)).toBeVisible()
  await expect.poll(csatAnswered, { timeout: 20_000 }).toBe(before + 1)
  expect(problems).toEqual([])
})
