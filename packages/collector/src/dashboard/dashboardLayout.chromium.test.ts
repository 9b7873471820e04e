import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { type DashboardBrowser, executablePath, useDashboard } from '../test/dashboardBrowser'
import { makeBatch, npsEvent } from '../test/fixtures'
import { postBatch, testApp } from '../test/harness'

// What a long text does to the page's width, where the keyboard's focus goes, and the picker.
describe.skipIf(!existsSync(executablePath))('dashboard layout and keyboard in Chromium', () => {
  const opened = useDashboard(() => {
    const events = [10, 9, 3, 0].map((score, i) =>
      npsEvent(score, {
        at: `2026-11-0${i + 2}T12:00:00.000Z`,
        answers: [
          { questionId: 'score', value: score },
          { questionId: 'why', value: `why ${i}` },
        ],
        // No page path: the long path's row must be the only one of /reports.
        context: { device: 'desktop' },
      }),
    )
    return events
  })

  const inTab: DashboardBrowser['inTab'] = (...args) => opened.dashboard.inTab(...args)

  // A page path may hold one long word (a token, a hash): a table column takes the width of
  // its longest word, and one such path pushed the segment table out of its panel and the page
  // out of the window.
  it('keeps a long page path within the segment table', async () => {
    const path = `/reports/${'0f8e2c1d9b7a4e3f8a215c6d7e8f9a0b'.repeat(4)}`
    const event = npsEvent(8, { context: { page: { path } } })
    expect((await postBatch(testApp(opened.db), makeBatch([event]))).status).toBe(200)
    await inTab(
      '#survey=nps-q4&segment=path',
      async (narrow) => {
        await narrow.locator('#segments th', { hasText: 'reports' }).waitFor()
        const widths = await narrow.evaluate(() => {
          const panel = document.querySelector('#segments')!.closest('section')!
          const page = document.documentElement
          return {
            panel: panel.scrollWidth - panel.clientWidth,
            page: page.scrollWidth - page.clientWidth,
          }
        })
        expect(widths).toEqual({ panel: 0, page: 0 })
      },
      { viewport: { width: 900, height: 900 } },
    )
  })

  // A survey id may be long (128 characters), and in any script: the survey picker took the
  // width of its longest option, so one such survey among a project's pushed the filters out of
  // their panel and the page out of the window.
  it('keeps a long survey id within the filters', async () => {
    const surveyId = 'опрос-удовлетворённости-клиентов-после-обращения-в-службу-поддержки'
      .repeat(2)
      .slice(0, 128)
    const event = npsEvent(9, { surveyId })
    expect((await postBatch(testApp(opened.db), makeBatch([event]))).status).toBe(200)
    await inTab(
      `#survey=${encodeURIComponent(surveyId)}`,
      async (narrow) => {
        await narrow.locator('#cards .card').first().waitFor()
        await expect(narrow.locator('select[name=survey]').inputValue()).resolves.toBe(surveyId)
        const widths = await narrow.evaluate(() => {
          const filters = document.querySelector('#filters')!
          const page = document.documentElement
          return {
            filters: filters.scrollWidth - filters.clientWidth,
            page: page.scrollWidth - page.clientWidth,
          }
        })
        expect(widths).toEqual({ filters: 0, page: 0 })
      },
      { viewport: { width: 900, height: 900 } },
    )
  })

  // The bucket filter's buttons were made anew for every view, so the one just pressed with the
  // keyboard was gone from the page once its verbatims came, and the focus with it: the next Tab
  // started again from the top of the page.
  it('keeps the focus on the bucket button pressed with the keyboard', async () => {
    await inTab('#survey=nps-q4', async (tab) => {
      const detractor = tab.getByRole('button', { name: /^detractor/ })
      await detractor.focus()
      await tab.keyboard.press('Enter')
      await expect.poll(() => tab.locator('#verbatims blockquote').count()).toBe(2)
      await expect.poll(() => detractor.getAttribute('aria-pressed')).toBe('true')
      const focused = await tab.evaluate(() => document.activeElement?.textContent)
      expect(focused).toBe('detractor (2)')
      await tab.keyboard.press('Shift+Tab')
      expect(await tab.evaluate(() => document.activeElement?.textContent)).toMatch(/^passive/)
    })
  })

  // Opening a project hides the key form, and closing it the results, with the focus in them:
  // it fell to the page's body, and the next Tab started again from the top.
  it('moves the focus to the survey picker on opening, and to the key on closing', async () => {
    await inTab('#survey=nps-q4', async (tab) => {
      await tab.locator('#cards .card').first().waitFor()
      const focused = () => tab.evaluate(() => document.activeElement?.getAttribute('name'))
      expect(await focused()).toBe('survey')
      await tab.getByRole('button', { name: 'Close project' }).press('Enter')
      await expect.poll(() => tab.getByLabel('Project key').isVisible()).toBe(true)
      expect(await focused()).toBe('key')
    })
  })

  // A year in, most of a project's surveys have ended, removed from the config, and were listed
  // among the running ones with nothing to tell them apart: the picker now groups them.
  it("groups the picker's surveys by whether the config lists them", async () => {
    const ended = npsEvent(7, { surveyId: 'nps-2025-q3' })
    expect((await postBatch(testApp(opened.db), makeBatch([ended]))).status).toBe(200)
    await inTab('', async (tab) => {
      await tab.locator('#cards .card').first().waitFor()
      const groups = await tab.locator('select[name=survey] optgroup').evaluateAll((items) =>
        items.map((group) => ({
          label: group.getAttribute('label'),
          ids: [...group.querySelectorAll('option')].map((option) => option.value),
        })),
      )
      expect(groups).toEqual([
        { label: 'In the config', ids: ['nps-q4', 'csat-ticket', 'ces-export'] },
        {
          label: 'Not in the config (ended or removed)',
          ids: expect.arrayContaining(['nps-2025-q3']),
        },
      ])
    })
  })
})
