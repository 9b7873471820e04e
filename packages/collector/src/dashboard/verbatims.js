// @ts-check
// The verbatims: a filter by bucket, then the newest free-text answers, a page at a time.
// Everything user-typed is inserted as text.

import { verbatimLimit } from './api.js'
import { el, fill } from './dom.js'
import { formatCount } from './format.js'

/**
 * @typedef {import('./api.js').SurveyStats} SurveyStats
 * @typedef {import('./api.js').Verbatim} Verbatim
 */

/** Buckets a verbatim can be filtered by, per metric kind. */
export const bucketsByKind = {
  nps: ['promoter', 'passive', 'detractor'],
  csat: ['satisfied', 'unsatisfied'],
  ces: ['agree', 'disagree'],
}

/**
 * How many verbatims are listed at first, and added by each "Show more": the page gets up to
 * 500, and listed at once they made a page 30,000 px long, everything below them out of reach.
 */
export const verbatimPage = 25

/**
 * Answered responses per bucket ('' for all), as the API counted them over the whole range: the
 * verbatims listed are only the newest, so counting them would undercount every bucket.
 * @param {SurveyStats} stats
 * @returns {Record<string, number>}
 */
function bucketCounts(stats) {
  const all = stats.counts.answered
  const s = /** @type {Record<string, any>} */ (stats.score ?? {})
  switch (stats.metric?.kind) {
    case 'nps':
      return { '': all, promoter: s.promoters, passive: s.passives, detractor: s.detractors }
    case 'csat':
      return { '': all, satisfied: s.satisfied, unsatisfied: s.n - s.satisfied }
    case 'ces':
      return { '': all, agree: s.agree, disagree: s.n - s.agree }
    default:
      return { '': all }
  }
}

/**
 * Verbatims with a bucket filter: a group of toggle buttons, one pressed at a time. The API has
 * already filtered `stats.verbatims` by the pressed bucket; choosing another asks it again.
 * @param {HTMLElement} filter
 * @param {HTMLElement} list
 * @param {SurveyStats} stats
 * @param {string} bucket '' for all
 * @param {(bucket: string) => void} choose
 */
export function renderVerbatims(filter, list, stats, bucket, choose) {
  const buckets = stats.metric ? bucketsByKind[stats.metric.kind] : []
  const counts = bucketCounts(stats)
  // The buttons are made anew: the one that had the focus (pressed with the keyboard, the view
  // it asked for now shown) hands it to its successor, or the next Tab starts from the top.
  const names = ['', ...buckets]
  const focused = [...filter.children].indexOf(/** @type {Element} */ (document.activeElement))
  const before = focused < 0 ? undefined : filter.children[focused]?.getAttribute('data-bucket')
  const buttons = names.map((name) => {
    const button = el(
      'button',
      { type: 'button', 'aria-pressed': String(name === bucket), 'data-bucket': name },
      [`${name || 'all'} (${formatCount(counts[name] ?? 0)})`],
    )
    button.addEventListener('click', () => choose(name))
    return button
  })
  fill(filter, buttons)
  if (before !== undefined) buttons[names.indexOf(before ?? '')]?.focus()
  fill(list, [])
  if (stats.verbatims.length === 0) list.append(el('li', { class: 'empty' }, ['No verbatims.']))
  else appendPage(list, stats.verbatims, 0)
}

/**
 * Appends the page of verbatims starting at `from`, then a button for the next page, or the note
 * that older ones were left out; returns the first verbatim it added.
 * @param {HTMLElement} list
 * @param {Verbatim[]} verbatims
 * @param {number} from
 * @returns {HTMLElement | undefined}
 */
function appendPage(list, verbatims, from) {
  const items = verbatims.slice(from, from + verbatimPage).map(verbatimItem)
  const next = from + items.length
  const left = verbatims.length - next
  // The first of a page added by the button takes the focus the button had as it goes: else
  // the keyboard would start again from the top of the page.
  if (from > 0) items[0]?.setAttribute('tabindex', '-1')
  list.append(...items)
  if (left > 0) {
    const button = el('button', { type: 'button' }, [
      `Show ${formatCount(Math.min(left, verbatimPage))} more (${formatCount(left)} left)`,
    ])
    const more = el('li', { class: 'more' }, [button])
    button.addEventListener('click', () => {
      more.remove()
      appendPage(list, verbatims, next)?.focus()
    })
    list.append(more)
  } else if (verbatims.length >= verbatimLimit) {
    // The API sends at most the page's limit, newest first, and has no further pages.
    list.append(
      el('li', { class: 'note' }, [
        `The newest ${verbatimLimit} only: narrow the range or choose a bucket to read older ones.`,
      ]),
    )
  }
  return items[0]
}

/**
 * @param {Verbatim} v
 * @returns {HTMLElement}
 */
function verbatimItem(v) {
  return el('li', {}, [
    // Its own direction: an Arabic answer must not end on the right of an English page.
    // No lang: a respondent's locale does not say the language they wrote in (a German
    // browser's answer to a survey shown in English is English).
    el('blockquote', { dir: 'auto' }, [v.text]),
    el('p', { class: 'meta' }, [
      [
        v.bucket,
        v.score === null ? null : `score ${v.score}`,
        v.device,
        v.locale,
        v.at.slice(0, 10),
      ]
        .filter(Boolean)
        .join(' · '),
    ]),
  ])
}
