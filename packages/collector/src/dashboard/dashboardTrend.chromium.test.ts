import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { executablePath, useDashboard } from '../test/dashboardBrowser'
import { npsEvent } from '../test/fixtures'

// A survey answered three times a day for 60 days, and one answered over 10 days.
const answered = (surveyId: string, days: number) =>
  Array.from({ length: days * 3 }, (_, i) =>
    npsEvent(i % 11, {
      surveyId,
      at: new Date(Date.UTC(2026, 8, 1 + Math.floor(i / 3), 12)).toISOString(),
    }),
  )

describe.skipIf(!existsSync(executablePath))('the trend, as a survey first opens', () => {
  const opened = useDashboard(() => [...answered('nps-q4', 60), ...answered('nps-short', 10)])

  // By day, 60 days of three answers drew 60 points each with an interval most of the scale wide.
  it.each([
    ['nps-q4', 'NPS by week', 9],
    ['nps-short', 'NPS by day', 10],
  ])('draws %s %s, unless asked otherwise', async (survey, caption, points) => {
    await opened.dashboard.inTab(`#survey=${survey}`, async (tab) => {
      const table = tab.locator('#trend-table')
      await expect.poll(() => table.locator('caption').textContent()).toBe(caption)
      expect(await table.locator('tbody tr').count()).toBe(points)
      expect(await tab.locator('select[name=interval]').inputValue()).toBe('auto')
      // Day, chosen, draws by day whatever the span.
      await tab.locator('select[name=interval]').selectOption('day')
      await tab.getByRole('button', { name: 'Apply' }).click()
      await expect.poll(() => table.locator('caption').textContent()).toBe('NPS by day')
    })
  })
})
