import { expect, type Page, test } from '@playwright/test'
import { hostHtml, promptDialog, receive, serveHost } from './host'

// Issue 6: the display rules of a survey and of the project hold across a reload, because the
// display history lives in IndexedDB and not in the page's memory.

const attrs = { endpoint: '/v1/batch', key: 'pk_rules', config: '/fixtures/e2e-rules.config.json' }
type W = {
  sonde: {
    track(n: string): void
    show(id: string): void
    canShow(id: string): { ok: boolean; reason?: string }
    flush(): Promise<{ sent: number; pending: number }>
  }
}

const canShow = (page: Page, id: string) =>
  page.evaluate((id) => (window as unknown as W).sonde.canShow(id), id)
/** `canShow` once the stored state and the config are loaded (it says `loading` before). */
const verdict = async (page: Page, id: string) => {
  await expect.poll(async () => (await canShow(page, id)).reason).not.toBe('loading')
  return canShow(page, id)
}
const track = (page: Page, name: string) =>
  page.evaluate((name) => (window as unknown as W).sonde.track(name), name)

test('recontact and cooldown hold across a reload', async ({ page }) => {
  const received = await receive(page)
  await serveHost(page, hostHtml(attrs))
  await page.goto('/app/reports')
  // Nothing shown yet: every survey may be shown.
  for (const id of ['csat-recontact', 'nps-cooldown', 'ces-exempt'])
    expect(await verdict(page, id)).toEqual({ ok: true })

  await track(page, 'ticket_closed')
  await expect(promptDialog(page)).toHaveAccessibleName(/How satisfied/)
  await promptDialog(page).getByRole('radio', { name: /^4/ }).click()
  await page.evaluate(() => (window as unknown as W).sonde.flush())
  const completed = () =>
    received.batches.flatMap((b) => b.events).filter((e) => e.type === 'survey.completed')
  await expect.poll(() => completed().length).toBe(1)
  // The prompt's own recontact period and the project's cooldown both started.
  expect(await canShow(page, 'csat-recontact')).toMatchObject({ reason: 'frequency.recontact' })
  expect(await canShow(page, 'nps-cooldown')).toMatchObject({ reason: 'global.cooldown' })

  await page.reload()
  expect(await verdict(page, 'csat-recontact')).toMatchObject({
    ok: false,
    reason: 'frequency.recontact',
  })
  expect(await verdict(page, 'nps-cooldown')).toMatchObject({
    ok: false,
    reason: 'global.cooldown',
  })
  // Triggered again, by event and by name: nothing appears.
  await track(page, 'ticket_closed')
  await track(page, 'report_exported')
  await page.evaluate(() => {
    const { sonde } = window as unknown as W
    sonde.show('csat-recontact')
    sonde.show('nps-cooldown')
  })
  await page.waitForTimeout(1_500)
  await expect(page.locator('sonde-root')).toHaveCount(0)
  // The page is live all the same: a survey exempt from the cooldown still shows.
  await track(page, 'export_finished')
  await expect(promptDialog(page)).toHaveAccessibleName(/made it easy/)
  expect(completed()).toHaveLength(1)
})
