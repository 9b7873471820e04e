import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { scoreNps } from '@sonde/core'
import type { Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { countPixels } from '../test/countPixels'
import {
  axeViolations,
  type DashboardBrowser,
  executablePath,
  openDashboardBrowser,
} from '../test/dashboardBrowser'
import { makeBatch, makeEvent, npsEvent } from '../test/fixtures'
import { postBatch, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

// The last answer is alone on its day: a lone promoter scores +100, and its adjusted-Wald
// interval (−48 to +98) leaves that out, which the chart and the table must still draw.
const scores = [10, 9, 9, 8, 7, 3, 0, 10, 6, 9, 10]
const loneDay = '2026-11-05'
const backend = backends[0]!
describe.skipIf(!existsSync(executablePath))('dashboard in Chromium', () => {
  const db = suiteDatabase(backend, 'once')
  let dashboard: DashboardBrowser
  let page: Page
  let base = ''
  const problems: string[] = []

  beforeAll(async () => {
    const events = scores.map((score, i) =>
      npsEvent(score, {
        at: `${i === scores.length - 1 ? loneDay : `2026-11-0${(i % 3) + 2}`}T12:00:00.000Z`,
        answers: [
          { questionId: 'score', value: score },
          { questionId: 'why', value: i === 0 ? '<img src=x onerror=alert(1)> fast' : `why ${i}` },
        ],
        context: { device: i % 2 ? 'mobile' : 'desktop' },
      }),
    )
    await postBatch(testApp(db), makeBatch(events, { dropped: 4 }))
    dashboard = await openDashboardBrowser(db)
    base = dashboard.base
    page = await dashboard.browser.newPage({ viewport: { width: 1200, height: 900 } })
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`)
      void dialog.dismiss()
    })
  }, 90_000)

  // Before the helper's own, which closes the database.
  afterAll(() => dashboard?.close())

  const inTab: DashboardBrowser['inTab'] = (...args) => dashboard.inTab(...args)

  /** Hovers the trend's plot at `x` (0 to 1 across it); reads its legend's values. */
  async function legendAt(tab: Page, x: number) {
    const over = tab.locator('#trend-chart .u-over')
    await over.waitFor()
    const box = (await over.boundingBox())!
    await tab.mouse.move(box.x + Math.min(box.width * x, box.width - 1), box.y + box.height / 2)
    return () => tab.locator('#trend-chart .u-legend .u-value').allTextContents()
  }

  it('opens with the read key and shows core scores, chart, segments and verbatims', async () => {
    await page.goto(`${base}/dashboard/#segment=device`)
    await page.getByLabel('Project key').fill('pk_test')
    await page.getByLabel('Read key').fill('rk_test_0123456789abcdef')
    await page.getByRole('button', { name: 'Open' }).click()
    await page.locator('#cards .card').first().waitFor()

    const nps = scoreNps(scores)
    const npsCard = page.locator('.card', { has: page.getByRole('heading', { name: 'NPS' }) })
    await expect(npsCard.locator('.value').textContent()).resolves.toBe(
      `+${Math.round(nps.score!)}`,
    )
    await expect(npsCard.textContent()).resolves.toContain(`n = ${scores.length}`)
    const shownCard = page.locator('.card', {
      has: page.getByRole('heading', { name: 'Shown' }),
    })
    await expect(shownCard.locator('.note').allTextContents()).resolves.toContain(
      'events devices reported lost (all surveys): 4',
    )
    expect(await page.locator('#trend-chart canvas').count()).toBe(1)
    // An image to screen readers: its name says what it shows and where its numbers are.
    await expect(
      page.getByRole('img', { name: /^NPS by day/ }).getAttribute('aria-label'),
    ).resolves.toBe('NPS by day (UTC), Nov 2, 2026 to Nov 5, 2026: see the trend as a table below')
    const lone = page.locator('#trend-table tbody tr', { hasText: loneDay })
    await expect(lone.locator('th, td').allTextContents()).resolves.toEqual([
      loneDay,
      '1',
      '+100',
      expect.stringMatching(/^[-−]48 to \+98$/),
    ])
    expect(await page.locator('#distribution li').count()).toBe(11)
    expect(await page.locator('#segments tbody tr').count()).toBe(2)

    // Verbatims are text: markup typed by a user shows as characters and runs nothing.
    await expect(page.locator('#verbatims').textContent()).resolves.toContain('<img src=x')
    expect(await page.locator('#verbatims img').count()).toBe(0)
    await page.getByRole('button', { name: /^detractor/ }).click()
    const detractors = scores.filter((score) => score <= 6).length
    // Polled: choosing a bucket asks the API again.
    await expect.poll(() => page.locator('#verbatims li').count()).toBe(detractors)
    await expect(
      page.getByRole('button', { name: /^detractor/ }).getAttribute('aria-pressed'),
    ).resolves.toBe('true')

    await mkdir('.vitest-reports', { recursive: true })
    await page.screenshot({ path: '.vitest-reports/collector-dashboard.png', fullPage: true })
    // What is drawn, read from screenshots: the trend's series line in the accent colour, and
    // each distribution bar covering its track in proportion to its count (top count = full).
    const accent = '#4f46e5'
    const line = countPixels(await page.locator('#trend-chart canvas').screenshot(), accent)
    expect(line.hits, 'series pixels in the trend chart').toBeGreaterThan(150)
    const counts = new Map<number, number>()
    for (const score of scores) counts.set(score, (counts.get(score) ?? 0) + 1)
    const top = Math.max(...counts.values())
    const tracks = page.locator('#distribution li .bar-track')
    for (let value = 0; value <= 10; value++) {
      const bar = countPixels(await tracks.nth(value).screenshot(), accent, { middleRow: true })
      const expected = (counts.get(value) ?? 0) / top
      // Within 2 px of its width: rounding and one antialiased end.
      const off = Math.abs(bar.hits - expected * bar.total)
      expect(
        off,
        `bar ${value}: ${bar.hits} of ${bar.total} px, expected ${expected}`,
      ).toBeLessThanOrEqual(2)
    }
    // No CSP or Trusted Types violation, no script error.
    expect(problems).toEqual([])
  })

  // Periods are UTC days: west of Greenwich, the hover legend must still name the point's own
  // day, and give its score as the table does (+100), not a local time or a raw float.
  it('labels the hovered point with its UTC day and its rounded score in any time zone', async () => {
    await inTab(
      '',
      async (west) => {
        // The lone day is the last point, at the right edge of the plot.
        await expect
          .poll(await legendAt(west, 1))
          .toEqual(['Nov 5, 2026', '+100', expect.stringMatching(/^[-−]48$/), '+98'])
      },
      { timezoneId: 'America/Los_Angeles', locale: 'en-US' },
    )
  })

  // The hover legend wrote each number alone, rounded to the nearest: 1,000 answers all satisfied
  // (Wilson 99.6% to 100%) read "100%, 100%, 100%" and 999 of them "100%" too, as the cards and
  // tables no longer do.
  it('gives the hovered point the decimals the cards and tables give', async () => {
    const load = (surveyId: string, satisfied: number) =>
      db.query(
        `insert into responses (project, response_id, survey_id, status, seq, event_id, last_at,
           answers_seq, answers_event_id, answered_at, metric_kind, score, scale, bucket)
         select 'pk_test', $1 || i, $1, 'completed', 2, $1 || i, t, 2, $1 || i, t, 'csat', s,
           5, case when s >= 4 then 'satisfied' else 'unsatisfied' end
         from generate_series(1, 1000) as i,
           lateral (select timestamptz '2026-11-12T09:00:00Z' as t,
             case when i <= $2 then 5 else 1 end as s) v`,
        [surveyId, satisfied],
      )
    await load('csat-all', 1000)
    await load('csat-most', 999)
    for (const [surveyId, values] of [
      ['csat-all', ['100%', '99.6%', '100%']],
      ['csat-most', ['99.9%', '99%', '100%']],
    ] as const) {
      await inTab(
        `#survey=${surveyId}`,
        async (tab) => {
          // The lone day sits in the middle of the plot.
          await expect.poll(await legendAt(tab, 0.5)).toEqual(['Nov 12, 2026', ...values])
        },
        { locale: 'en-US' },
      )
    }
  })

  // The week of November 2 holds only the 3rd to the 5th of this range: hovered, it read as the
  // whole week, as its row in the table no longer does.
  it('names the days of a week the range cuts in the hover legend', async () => {
    await inTab(
      '#survey=nps-q4&from=2026-11-03&to=2026-11-05&interval=week',
      async (tab) => {
        // The lone week sits in the middle of the plot.
        const legend = await legendAt(tab, 0.5)
        await expect.poll(async () => (await legend())[0]).toBe('Nov 2, 2026 (only Nov 3 to Nov 5)')
      },
      { locale: 'en-US' },
    )
  })

  // The page gets the 500 newest verbatims: a bucket whose verbatims are all older than those
  // is found only if the API filters by it.
  it('asks the API for the chosen bucket and shows its counts of every response', async () => {
    const cesEvent = (value: number, other: string, at: string) =>
      makeEvent({
        surveyId: 'ces-export',
        at,
        answers: [
          { questionId: 'effort', value },
          { questionId: 'blocker', value: 'format', other },
        ],
        metric: { kind: 'ces', score: value, scale: 7, agree: value >= 5 },
      })
    const events = [
      cesEvent(2, 'The export times out', '2026-10-01T12:00:00.000Z'),
      ...Array.from({ length: 500 }, (_, i) =>
        cesEvent(7, `easy ${i}`, new Date(Date.UTC(2026, 10, 2, 0, i)).toISOString()),
      ),
    ]
    const app = testApp(db, { limits: { burst: 100 } })
    for (let i = 0; i < events.length; i += 50) {
      expect((await postBatch(app, makeBatch(events.slice(i, i + 50)))).status).toBe(200)
    }
    await page.locator('select[name=survey]').selectOption('ces-export')
    await page.getByRole('button', { name: /^disagree/ }).click()
    await expect
      .poll(() => page.locator('#verbatims blockquote').allTextContents())
      .toEqual(['The export times out'])
    await expect(page.getByRole('button', { name: /^disagree/ }).textContent()).resolves.toBe(
      'disagree (1)',
    )
    await expect(page.getByRole('button', { name: /^agree/ }).textContent()).resolves.toBe(
      'agree (500)',
    )
    expect(problems).toEqual([])
  })

  it('has no axe violation with the results shown', async () => {
    await page.getByRole('button', { name: /^all/ }).click()
    await expect
      .poll(() => page.getByRole('button', { name: /^all/ }).getAttribute('aria-pressed'))
      .toBe('true')
    await page
      .locator('#trend-table')
      .evaluate((table) => table.closest('details')?.setAttribute('open', ''))
    expect(await axeViolations(page)).toEqual([])
  })

  it('sends the user back to the key form when the read key is wrong', async () => {
    await page.evaluate(() => sessionStorage.clear())
    await page.goto(`${base}/dashboard/`)
    await page.getByLabel('Project key').fill('pk_test')
    await page.getByLabel('Read key').fill('wrong-read-key-000000')
    await page.getByRole('button', { name: 'Open' }).click()
    // Polled: the message appears once the collector has answered.
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Wrong project key or read key.')
    expect(await page.locator('#results').isHidden()).toBe(true)
  })

  // A new survey's answers all fall on one day: uPlot then had an x range of zero width, drew
  // the lone point against the left edge and labelled no day on the axis.
  it('draws a trend of one day in the middle of the chart, with days around it', async () => {
    const csat = (score: number) =>
      makeEvent({
        surveyId: 'csat-ticket',
        surveyVersion: 1,
        at: '2026-11-12T09:00:00.000Z',
        answers: [{ questionId: 'csat', value: score }],
        metric: { kind: 'csat', score, scale: 5, satisfied: score >= 4 },
      })
    const res = await postBatch(testApp(db), makeBatch([csat(5), csat(4), csat(2)]))
    expect(res.status).toBe(200)
    await inTab('#survey=csat-ticket', async (one) => {
      const canvas = one.locator('#trend-chart canvas')
      await canvas.waitFor()
      const box = (await canvas.boundingBox())!
      const third = box.width / 3
      const middle = await one.screenshot({
        clip: { x: box.x + third, y: box.y, width: third, height: box.height },
      })
      expect(countPixels(middle, '#4f46e5').hits, 'series pixels mid-chart').toBeGreaterThan(10)
    })
  })

  // Filters are kept in the URL so a view can be shared and retraced: each applied view was
  // written over the last one (back left the dashboard), and a shared link pasted into an open
  // tab (only its hash differs, so the page stays) changed the URL but not the view.
  it('goes back to the previous filters, and follows a link pasted into an open tab', async () => {
    await inTab('#survey=nps-q4&segment=device', async (tab) => {
      const caption = () => tab.locator('#segments caption').textContent({ timeout: 1_000 })
      await expect.poll(caption).toBe('NPS by device')
      await tab.getByLabel('Segment by').selectOption('locale')
      await tab.getByRole('button', { name: 'Apply' }).click()
      await expect.poll(caption).toBe('NPS by locale')
      await tab.goBack()
      expect(tab.url()).toContain('/dashboard/')
      await expect.poll(caption).toBe('NPS by device')
      expect(await tab.getByLabel('Segment by').inputValue()).toBe('device')
      await tab.goto(`${base}/dashboard/#survey=nps-q4&segment=appVersion`)
      await expect.poll(caption).toBe('NPS by appVersion')
    })
  })

  // Swapped dates were answered with zeros, shown as "No answers in this range.", which a team
  // read as no one having answered; the page now says what is wrong with the range.
  it('says so when the range ends before it starts', async () => {
    await inTab('#survey=nps-q4', async (tab) => {
      await tab.locator('#cards .card').first().waitFor()
      await tab.getByLabel(/^From/).fill('2026-11-30')
      await tab.getByLabel(/^To/).fill('2026-11-01')
      await tab.getByRole('button', { name: 'Apply' }).click()
      await expect
        .poll(() => tab.getByRole('status').textContent())
        .toBe('Could not load the results: invalid stats query (to: expected a time after from)')
    })
  })

  it('has no axe violation on the key form, empty and with an error', async () => {
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`${base}/dashboard/`)
    expect(await axeViolations(page)).toEqual([])
  })
})
