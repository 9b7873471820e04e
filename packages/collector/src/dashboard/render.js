// @ts-check
// Renders the stats into the page: score cards, distribution bars, segment and trend tables
// (verbatims.js the verbatims). Everything user-typed is inserted as text.

import { el, fill } from './dom.js'
import {
  formatBounds,
  formatCount,
  formatInterval,
  formatScore,
  formatShare,
  metricRange,
  periodCut,
} from './format.js'

/**
 * @typedef {import('./api.js').SurveyStats} SurveyStats
 * @typedef {import('./api.js').ScoredGroup} ScoredGroup
 * @typedef {import('./api.js').Interval} Interval
 */

const names = { nps: 'NPS', csat: 'CSAT', ces: 'CES' }
const noAnswers = 'no answers in this range'

/**
 * @param {string} title
 * @param {string} value
 * @param {string[]} notes
 */
function card(title, value, notes) {
  return el('article', { class: 'card' }, [
    el('h3', {}, [title]),
    el('p', { class: 'value' }, [value]),
    ...notes.map((note) => el('p', { class: 'note' }, [note])),
  ])
}

/**
 * Score cards: the metric with n and its 95% interval, its parts, how far the prompts shown got,
 * the events the project's devices reported lost unsent and the new responses the collector
 * refused, if any.
 * @param {HTMLElement} container
 * @param {SurveyStats} stats
 */
export function renderCards(container, stats) {
  const { counts, score, metric } = stats
  const cards = [
    // Each response is a prompt shown, most never answered: the answered share is its rate.
    card('Shown', formatCount(counts.responses), [
      `${formatCount(counts.answered)} answered${
        counts.responses > 0 ? ` (${formatShare(counts.answered, counts.responses)})` : ''
      }, ${formatCount(counts.completed)} completed`,
      `${formatCount(counts.dismissed)} dismissed`,
      // The devices' own word, for the whole project: the collector bounds what one network
      // may report a day, but cannot check it.
      ...(stats.dropped > 0
        ? [`events devices reported lost (all surveys): ${formatCount(stats.dropped)}`]
        : []),
      // The collector's own count, of this survey: responses it would not start for a network
      // that had started its most of the day (ballot stuffing, or a very large office). Every
      // replica on the database adds to it, each with its own allowance per network.
      ...(stats.refused > 0
        ? [
            `new responses the collector refused (all its replicas), past a network's most a day: ${formatCount(stats.refused)}`,
          ]
        : []),
    ]),
  ]
  if (metric && score) cards.unshift(...metricCards(metric.kind, metric.scale, score))
  fill(container, cards)
}

/**
 * @param {'nps' | 'csat' | 'ces'} kind
 * @param {number} scale
 * @param {import('./api.js').Score} score
 */
function metricCards(kind, scale, score) {
  const n = `n = ${formatCount(score.n)}`
  const s = /** @type {Record<string, any>} */ (score)
  // None answered is not too few: said as the trend says it.
  /** @param {string} k @param {Interval | null} ci */
  const interval = (k, ci) => (score.n === 0 ? noAnswers : formatInterval(k, ci))
  const percent = metricRange('csat', scale)
  if (kind === 'nps') {
    return [
      card('NPS', formatScore('nps', s.score, metricRange('nps', scale)), [
        interval('nps', s.ci),
        n,
      ]),
      card('Buckets', formatShare(s.promoters, s.n), [
        'promoters',
        `${formatShare(s.passives, s.n)} passives, ${formatShare(s.detractors, s.n)} detractors`,
      ]),
    ]
  }
  if (kind === 'csat') {
    return [
      card('CSAT', formatScore('csat', s.score, percent), [
        interval('csat', s.ci),
        // As core's isSatisfied counts: the top box only on a scale shorter than 1–5.
        `${n}, ${scale >= 5 ? 'top two boxes' : 'top box'} of 1–${scale}`,
      ]),
    ]
  }
  return [
    card('CES mean', formatScore('ces', s.mean, metricRange('ces', scale)), [
      interval('ces', s.meanCi),
      `${n}, 1–${scale}`,
    ]),
    card('CES agree', formatScore('csat', s.agreePercent, percent), [
      interval('csat', s.agreeCi),
      n,
    ]),
  ]
}

/**
 * One bar per scale point, widths relative to the most frequent answer.
 * @param {HTMLElement} list
 * @param {SurveyStats} stats
 */
export function renderDistribution(list, stats) {
  const total = stats.distribution.reduce((sum, bar) => sum + bar.count, 0)
  const top = Math.max(1, ...stats.distribution.map((bar) => bar.count))
  fill(
    list,
    stats.distribution.map((bar) => {
      const fillBar = el('span', { class: 'bar-fill' })
      // CSSOM, not a style attribute: allowed under style-src 'self'.
      fillBar.style.width = `${(100 * bar.count) / top}%`
      return el('li', {}, [
        el('span', { class: 'bar-label' }, [String(bar.value)]),
        el('span', { class: 'bar-track', 'aria-hidden': 'true' }, [fillBar]),
        el('span', { class: 'bar-count' }, [
          `${formatCount(bar.count)} (${formatShare(bar.count, total)})`,
        ]),
      ])
    }),
  )
}

/**
 * A table of scored groups (segments or trend points).
 * @param {HTMLTableElement} table
 * @param {string} caption
 * @param {string} keyTitle
 * @param {string} kind
 * @param {readonly number[]} range the ends the metric can take
 * @param {ScoredGroup[]} rows
 * @param {(key: string | null) => string} [name] what a row's key reads as
 */
function renderGroups(table, caption, keyTitle, kind, range, rows, name = notRecorded) {
  const titles = [keyTitle, 'n', 'Score', '95% CI']
  const header = el(
    'tr',
    {},
    titles.map((title) => el('th', { scope: 'col' }, [title])),
  )
  const body = rows.map((row) =>
    el('tr', {}, [
      el('th', { scope: 'row' }, [name(row.key)]),
      el('td', {}, [formatCount(row.n)]),
      el('td', {}, [formatScore(kind, row.value, range)]),
      el('td', {}, [row.ci ? formatBounds(kind, row.ci).join(' to ') : '—']),
    ]),
  )
  fill(table, [el('caption', {}, [caption]), el('thead', {}, [header]), el('tbody', {}, body)])
}

/** @param {string | null} key */
function notRecorded(key) {
  return key ?? '(not recorded)'
}

/**
 * A trend period by its first day, and for a week the range cuts, the days of it the range holds
 * (see periodCut).
 * @param {SurveyStats} stats
 * @returns {(key: string | null) => string}
 */
function periodName(stats) {
  /** @param {number} time */
  const day = (time) => new Date(time).toISOString().slice(0, 10)
  return (key) => {
    if (key === null) return notRecorded(key)
    const cut = periodCut(Date.parse(`${key}T00:00:00Z`), stats.interval, stats.from, stats.to)
    if (!cut) return key
    const [first, last] = cut.map(day)
    return `${key} (only ${first === last ? first : `${first} to ${last}`})`
  }
}

/**
 * @param {HTMLTableElement} table
 * @param {SurveyStats} stats
 */
export function renderSegments(table, stats) {
  const segment = stats.segment
  const kind = stats.metric?.kind ?? 'nps'
  // A custom survey has no score, so the API sends no segments whichever was chosen.
  const caption = !stats.metric
    ? 'No scored question to segment'
    : segment
      ? `${names[kind]} by ${segment.name}${segment.truncated ? ' (largest 50 values)' : ''}${
          segment.rows.length === 0 ? `: ${noAnswers}` : ''
        }`
      : 'No segment chosen'
  const range = metricRange(kind, stats.metric?.scale ?? 10)
  renderGroups(table, caption, segment?.name ?? 'Segment', kind, range, segment?.rows ?? [])
}

/**
 * @param {HTMLTableElement} table
 * @param {SurveyStats} stats
 */
export function renderTrendTable(table, stats) {
  const kind = stats.metric?.kind ?? 'nps'
  const title = stats.interval === 'week' ? 'Week of (UTC)' : 'Day (UTC)'
  const name = stats.metric ? names[kind] : 'Score'
  const range = metricRange(kind, stats.metric?.scale ?? 10)
  const caption = `${name} by ${stats.interval}`
  renderGroups(table, caption, title, kind, range, stats.trend, periodName(stats))
}
