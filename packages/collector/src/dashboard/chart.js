// @ts-check
// The trend chart, drawn with uPlot (loaded as a classic script before this module): the
// headline score per day or week, with its 95% interval as a band.

/** @typedef {import('./api.js').SurveyStats} SurveyStats */

import { formatBounds, formatScore, metricRange, periodCut } from './format.js'

/** @type {typeof import('uplot')} */
// uPlot is a global, defined by its IIFE build that index.html loads first.
const UPlot = /** @type {any} */ (globalThis).uPlot

// Periods start at UTC midnight (the API truncates in UTC), so they are labelled in UTC.
const dayLabel = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})
// The hovered period in the legend: its UTC day with the year, never a local time of day,
// which west of Greenwich would name the day before.
const periodLabel = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})

/** @type {import('uplot') | null} */
let chart = null

/**
 * Draws (or redraws) the trend into `container`.
 * @param {HTMLElement} container
 * @param {SurveyStats} stats
 */
export function drawTrend(container, stats) {
  chart?.destroy()
  chart = null
  container.replaceChildren()
  if (!stats.metric || stats.trend.length === 0) {
    // A custom survey has answers but no score: "no answers" would contradict its counts.
    const message = stats.metric
      ? 'No answers in this range.'
      : 'No scored question in this survey: nothing to trend.'
    container.textContent = message
    // The container is an image to assistive technology, which reads its name, not its text.
    container.setAttribute('aria-label', message)
    return
  }
  const points = stats.trend.filter((point) => point.key !== null)
  const x = points.map((point) => Date.parse(`${point.key}T00:00:00Z`) / 1000)
  const lone = x.length === 1 ? x[0] : undefined
  const value = points.map((point) => point.value)
  const low = points.map((point) => point.ci?.low ?? null)
  const high = points.map((point) => point.ci?.high ?? null)
  const { kind, scale } = stats.metric
  const label = { nps: 'NPS', csat: 'CSAT %', ces: 'CES mean' }[kind]
  // The whole range the metric can take, so a small sample's wide interval looks wide.
  const range = metricRange(kind, scale)
  const text = getComputedStyle(container).color
  const grid = { stroke: 'rgba(128, 128, 128, 0.25)' }
  // Legend values as the cards and the table write them (+32, 78%, 5.4), not raw floats.
  /** @param {unknown} _ @param {number | null} v */
  const score = (_, v) => (v === null || v === undefined ? '—' : formatScore(kind, v, range))
  // A bound is written with its partner, so the two never read alike (see formatBounds).
  /** @param {0 | 1} end */
  const bound =
    (end) =>
    /** @param {unknown} _ @param {number | null} v @param {number} __ @param {number | null} i */
    (_, v, __, i) => {
      const ci = i === null ? null : points[i]?.ci
      return v === null || v === undefined || !ci ? '—' : formatBounds(kind, ci)[end]
    }
  const period = stats.interval === 'week' ? 'Week of (UTC)' : 'Day (UTC)'
  // A week the range cuts says which of its days it holds (see periodCut).
  /** @param {number} start */
  const periodName = (start) => {
    const cut = periodCut(start, stats.interval, stats.from, stats.to)
    const [first, last] = cut?.map((time) => dayLabel.format(time)) ?? []
    const days = first === last ? first : `${first} to ${last}`
    return `${periodLabel.format(start)}${cut ? ` (only ${days})` : ''}`
  }
  /** @param {number | undefined} t */
  const day = (t) => (t === undefined ? '' : periodLabel.format(t * 1000))
  const span = x.length > 0 ? `, ${day(x[0])} to ${day(x.at(-1))}` : ''
  container.setAttribute(
    'aria-label',
    `${label} by ${stats.interval} (UTC)${span}: see the trend as a table below`,
  )
  /** @type {import('uplot').Options} */
  const options = {
    width: Math.max(320, container.clientWidth),
    height: 260,
    // uPlot places time ticks at local midnights: east of Greenwich each UTC day's label stood
    // under the day after's point, west of it between two points. Its dates are read in UTC.
    tzDate: (t) => UPlot.tzDate(new Date(t * 1000), 'Etc/UTC'),
    scales: {
      // One period alone (a survey's first day): uPlot's own range for it puts the point on the
      // left edge with no day on the axis. Centre it, between the days either side.
      x: { time: true, ...(lone === undefined ? {} : { range: [lone - 86_400, lone + 86_400] }) },
      y: { range },
    },
    series: [
      {
        label: period,
        /** @param {unknown} _ @param {number | null} t */
        value: (_, t) => (t === null || t === undefined ? '—' : periodName(t * 1000)),
      },
      { label, stroke: '#4f46e5', width: 2, points: { show: true, size: 6 }, value: score },
      { label: '95% CI low', stroke: '#a5b4fc', dash: [4, 4], value: bound(0) },
      { label: '95% CI high', stroke: '#a5b4fc', dash: [4, 4], value: bound(1) },
    ],
    bands: [{ series: [3, 2], fill: 'rgba(79, 70, 229, 0.12)' }],
    axes: [
      {
        stroke: text,
        grid,
        // Whole days only: a trend by day or week has no hours to show.
        incrs: [86_400, 2 * 86_400, 7 * 86_400, 14 * 86_400, 28 * 86_400],
        values: (_, splits) => splits.map((s) => dayLabel.format(new Date(s * 1000))),
      },
      { label, stroke: text, grid },
    ],
  }
  chart = new UPlot(options, [x, value, low, high], container)
}

/** Keeps the chart as wide as its container. */
export function followWidth(/** @type {HTMLElement} */ container) {
  new ResizeObserver(() => {
    chart?.setSize({ width: Math.max(320, container.clientWidth), height: 260 })
  }).observe(container)
}
