import { existsSync } from 'node:fs'
import type { Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/database'
import { backends } from '../test/backends'
import {
  type DashboardBrowser,
  executablePath,
  openDashboardBrowser,
} from '../test/dashboardBrowser'
import { makeBatch, npsEvent } from '../test/fixtures'
import { postBatch, resetDatabase, testApp } from '../test/harness'

const sizes: Record<string, number> = { 's-one': 1, 's-two': 2, 's-three': 3, 's-four': 4 }

// The collector bounds a project's stats reads (60 at once, then 5/s): a keyboard user walking
// down a long picker asks for a view per survey passed, and the one the walk ended on was
// refused, its error left on screen over the survey passed before it.
describe.skipIf(!existsSync(executablePath))(
  'the dashboard, when reads are refused for a while',
  () => {
    let db: Database
    let dashboard: DashboardBrowser

    beforeAll(async () => {
      db = await backends[0]!.open()
      await resetDatabase(db)
      const events = Object.entries(sizes).flatMap(([surveyId, n]) =>
        Array.from({ length: n }, () => ({ ...npsEvent(9), surveyId })),
      )
      await postBatch(testApp(db), makeBatch(events))
      dashboard = await openDashboardBrowser(db, { limits: { readBurst: 3, readsPerSecond: 1 } })
    }, 90_000)

    afterAll(async () => {
      await dashboard?.close()
      await db?.close()
    })

    const picker = (tab: Page) => tab.getByRole('combobox', { name: 'Survey', exact: true })
    const responses = (tab: Page) =>
      tab.locator('#cards .card', { hasText: 'Shown' }).locator('.value').textContent()

    it('shows the view asked for once the collector takes reads again', async () => {
      await dashboard.inTab('#survey=s-one', async (tab) => {
        await expect.poll(() => responses(tab)).toBe('1')
        await picker(tab).focus()
        for (let i = 0; i < 3; i++) await tab.keyboard.press('ArrowDown')
        const last = await picker(tab).inputValue()
        await expect.poll(() => tab.locator('#status').textContent()).toMatch(/trying again in 1 s/)
        await expect.poll(() => responses(tab), { timeout: 5_000 }).toBe(String(sizes[last]))
        expect(await tab.locator('#status').textContent()).toMatch(/^Updated/)
      })
    })
  },
)
