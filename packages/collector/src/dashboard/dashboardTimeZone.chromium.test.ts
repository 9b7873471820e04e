import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { executablePath, useDashboard } from '../test/dashboardBrowser'
import { npsEvent } from '../test/fixtures'

// The trend's periods are UTC days, so each day the time axis names must sit under that day's
// point, wherever the reader is. The axis's ticks are read as uPlot hands them to the
// dashboard's label function (its public `axes[].values` hook): the time of each and its label.
type AxisValues = (u: unknown, splits: number[], ...more: unknown[]) => string[]

function recordTicks() {
  let real: unknown
  Object.defineProperty(globalThis, 'uPlot', {
    configurable: true,
    get: () => real,
    set(uPlot: new (...args: unknown[]) => unknown) {
      function Recording(options: { axes: { values: AxisValues }[] }, ...rest: unknown[]) {
        const label = options.axes[0]!.values
        options.axes[0]!.values = (u: unknown, splits: number[], ...more: unknown[]) => {
          const labels = label(u, splits, ...more)
          const at = splits.map((s, i) => [new Date(s * 1000).toISOString(), labels[i]])
          Object.assign(globalThis, { sondeTicks: at })
          return labels
        }
        return new uPlot(options, ...rest)
      }
      real = Object.assign(Recording, uPlot)
    },
  })
}

describe.skipIf(!existsSync(executablePath))('dashboard trend axis in any time zone', () => {
  const opened = useDashboard(() => {
    const days = [10, 3, 8].map((score, i) =>
      npsEvent(score, { at: `2026-11-0${i + 2}T12:00:00.000Z` }),
    )
    // Another survey, answered on a Sunday, a Monday and a Wednesday of three ISO weeks.
    const weeks = ['2026-11-08', '2026-11-09', '2026-11-18'].map((day) =>
      npsEvent(9, { surveyId: 'nps-weeks', at: `${day}T12:00:00.000Z` }),
    )
    return [...days, ...weeks]
  })

  // uPlot places time ticks at the reader's local midnights: east of Greenwich (Berlin 23:00Z,
  // Kolkata 18:30Z) the day labelled "Nov 2" stood under the point of November 3, and every
  // point read as the day before; west of it (Los Angeles 08:00Z) each sat between two days.
  const zones = ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/Los_Angeles']
  const byDay: string[][] = [
    ['2026-11-02T00:00:00.000Z', 'Nov 2'],
    ['2026-11-03T00:00:00.000Z', 'Nov 3'],
    ['2026-11-04T00:00:00.000Z', 'Nov 4'],
  ]
  // ISO weeks start on a Monday at UTC midnight: the weeks of November 2, 9 and 16, among the
  // days the axis marks.
  const byWeek: string[][] = [
    ['2026-11-02T00:00:00.000Z', 'Nov 2'],
    ['2026-11-09T00:00:00.000Z', 'Nov 9'],
    ['2026-11-16T00:00:00.000Z', 'Nov 16'],
  ]
  it.each(
    zones.flatMap(
      (zone) =>
        [
          [zone, '#survey=nps-q4', byDay],
          [zone, '#survey=nps-weeks&interval=week', byWeek],
        ] as const,
    ),
  )(
    'puts each period of the axis at its UTC midnight, read in %s (%s)',
    async (timezoneId, hash, ticks) => {
      await opened.dashboard.inTab(
        hash,
        async (tab) => {
          // The page keeps the keys for a reload once the project has opened: reloaded before
          // (a loaded machine's slow first answer), it asked for them again and drew no chart.
          await tab.waitForFunction(() => sessionStorage.length > 0)
          await tab.addInitScript(recordTicks)
          await tab.reload()
          const read = () =>
            tab.evaluate(() => (globalThis as { sondeTicks?: [string, string][] }).sondeTicks ?? [])
          // The chart draws once the stats arrive: on a loaded machine, past expect.poll's 1 s.
          await expect.poll(read, { timeout: 10_000 }).toEqual(expect.arrayContaining(ticks))
          // Every tick, each day's the expected ones leave between them, is a UTC midnight and
          // named by its own day.
          const day = new Intl.DateTimeFormat('en-US', {
            month: 'short',
            day: 'numeric',
            timeZone: 'UTC',
          })
          for (const [at, label] of await read()) {
            expect(at).toMatch(/T00:00:00\.000Z$/)
            expect(label).toBe(day.format(new Date(at)))
          }
        },
        { timezoneId, locale: 'en-US' },
      )
    },
  )
})
