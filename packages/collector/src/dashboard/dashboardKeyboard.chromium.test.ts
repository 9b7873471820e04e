import { existsSync } from 'node:fs'
import type { Page } from 'playwright'
import { describe, expect, it } from 'vitest'
import { executablePath, useDashboard } from '../test/dashboardBrowser'
import { npsEvent } from '../test/fixtures'

// Surveys of 1, 2, 3 and 4 responses: the Shown card says which one a view is of.
const sizes: Record<string, number> = { 's-one': 1, 's-two': 2, 's-three': 3, 's-four': 4 }

describe.skipIf(!existsSync(executablePath))('the survey picker, used with the keyboard', () => {
  const opened = useDashboard(() => {
    const events = Object.entries(sizes).flatMap(([surveyId, n]) =>
      Array.from({ length: n }, () => ({ ...npsEvent(9), surveyId })),
    )
    return events
  })

  const picker = (tab: Page) => tab.getByRole('combobox', { name: 'Survey', exact: true })
  const responses = (tab: Page) =>
    tab.locator('#cards .card', { hasText: 'Shown' }).locator('.value').textContent()

  // In Chromium and Firefox an arrow key on a closed <select> changes it at once, each change a
  // view of its own: a keyboard or screen reader user reading the surveys one by one asks for each.
  it('shows the survey the picker ends on, however late the views passed on the way arrive', async () => {
    await opened.dashboard.inTab('#survey=s-one', async (tab) => {
      await expect.poll(() => responses(tab)).toBe('1')
      const order = await picker(tab).evaluate((select: HTMLSelectElement) =>
        [...select.options].map((option) => option.value),
      )
      const passed = order[order.indexOf('s-one') + 1] as string
      const last = order[order.indexOf('s-one') + 2] as string
      // The view passed on the way is slow to come (a long survey, a busy collector).
      await tab.route(`**/v1/stats/${passed}?**`, async (route) => {
        await new Promise((go) => setTimeout(go, 1_500))
        await route.continue()
      })
      await picker(tab).focus()
      await tab.keyboard.press('ArrowDown')
      await tab.keyboard.press('ArrowDown')
      expect(await picker(tab).inputValue()).toBe(last)
      await tab.waitForTimeout(2_500)
      expect(await responses(tab)).toBe(String(sizes[last]))
      expect(tab.url()).toContain(`survey=${last}`)
    })
  })

  // A mouse user picks one survey: one history entry. Going down the list with the arrows, each
  // survey passed was an entry of its own, so Back went through every one of them.
  it('makes one history entry of a walk down the picker with the arrows, as of a pick', async () => {
    await opened.dashboard.inTab('#survey=s-one', async (tab) => {
      await expect.poll(() => responses(tab)).toBe('1')
      await picker(tab).focus()
      await tab.keyboard.press('ArrowDown')
      await tab.keyboard.press('ArrowDown')
      await tab.keyboard.press('ArrowDown')
      const last = await picker(tab).inputValue()
      await expect.poll(() => responses(tab)).toBe(String(sizes[last]))
      expect(tab.url()).toContain(`survey=${last}`)
      await tab.goBack()
      await expect.poll(() => picker(tab).inputValue()).toBe('s-one')
      await expect.poll(() => responses(tab)).toBe('1')
      // Picks (no key) are an entry each, the picker keeping the focus between them.
      await picker(tab).selectOption('s-two')
      await expect.poll(() => responses(tab)).toBe('2')
      await picker(tab).selectOption('s-four')
      await expect.poll(() => responses(tab)).toBe('4')
      await tab.goBack()
      await expect.poll(() => picker(tab).inputValue()).toBe('s-two')
    })
  })
})
