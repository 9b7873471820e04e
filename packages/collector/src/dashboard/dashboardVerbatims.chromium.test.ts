import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { axeViolations, executablePath, useDashboard } from '../test/dashboardBrowser'
import { npsEvent } from '../test/fixtures'

// 30 answers with a "why?": a page of 25, then the rest behind "Show more".
const count = 30

describe.skipIf(!existsSync(executablePath))('the verbatims, read with the keyboard', () => {
  const opened = useDashboard(() => {
    const events = Array.from({ length: count }, (_, i) =>
      npsEvent(9, {
        surveyId: 'nps-q4',
        at: new Date(Date.UTC(2026, 10, 2, 0, count - i)).toISOString(),
        answers: [
          { questionId: 'score', value: 9 },
          { questionId: 'why', value: `reason ${i}` },
        ],
      }),
    )
    return events
  })

  it('lists a page, and Enter on "Show more" lists the rest with the focus on the first of them', async () => {
    await opened.dashboard.inTab('#survey=nps-q4', async (tab) => {
      const quotes = tab.locator('#verbatims blockquote')
      await expect.poll(() => quotes.count()).toBe(25)
      const more = tab.getByRole('button', { name: 'Show 5 more (5 left)' })
      await more.focus()
      await tab.keyboard.press('Enter')
      await expect.poll(() => quotes.count()).toBe(count)
      expect(await more.count()).toBe(0)
      // The focus is on the first verbatim added, drawn with a ring, not lost to <body>.
      const focused = await tab.evaluate(() => {
        const item = document.activeElement as HTMLElement
        return {
          text: item.querySelector('blockquote')?.textContent,
          ring: getComputedStyle(item).outlineStyle,
        }
      })
      expect(focused).toEqual({ text: 'reason 25', ring: 'solid' })
      // The keyboard goes on from there: Shift+Tab reaches the bucket buttons above the list.
      await tab.keyboard.press('Shift+Tab')
      expect(await tab.evaluate(() => document.activeElement?.getAttribute('data-bucket'))).toBe(
        'detractor',
      )
      expect(await axeViolations(tab)).toEqual([])
    })
  })
})
