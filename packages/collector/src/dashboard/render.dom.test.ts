import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { scoreCsat } from '@sonde/core'
import { describe, expect, it } from 'vitest'
import type { Verbatim } from '../stats/loadVerbatims'
import { verbatimLimit } from './api.js'
import { renderCards, renderSegments, renderTrendTable } from './render.js'
import { renderVerbatims, verbatimPage } from './verbatims.js'

function csatStats(scale: number, answers: number[]) {
  return {
    surveyId: 'csat',
    metric: { kind: 'csat' as const, scale },
    from: null,
    to: null,
    counts: { responses: answers.length, answered: answers.length, completed: 0, dismissed: 0 },
    dropped: 0,
    refused: 0,
    score: { kind: 'csat', scale, ...scoreCsat(answers, scale) },
    distribution: [],
    interval: 'day' as const,
    trend: [],
    segment: null,
    verbatims: [],
  }
}

describe('renderCards', () => {
  // The CSAT card says which answers count as satisfied: core's isSatisfied takes the top two
  // boxes on 1–5 and up, but only the top box on 1–3 (two boxes would take in its neutral 2).
  it.each([
    [3, [3, 2, 2, 1], '25%', 'n = 4, top box of 1–3'],
    [5, [5, 4, 3, 1], '50%', 'n = 4, top two boxes of 1–5'],
    [10, [10, 9, 8, 1], '50%', 'n = 4, top two boxes of 1–10'],
  ])('names the boxes CSAT counts on 1–%i', (scale, answers, value, note) => {
    const container = document.createElement('div')
    renderCards(container, csatStats(scale, answers))
    const card = [...container.querySelectorAll('.card')].find(
      (item) => item.querySelector('h3')?.textContent === 'CSAT',
    )
    expect(card?.querySelector('.value')?.textContent).toBe(value)
    expect([...(card?.querySelectorAll('.note') ?? [])].map((p) => p.textContent)).toContain(note)
  })
})

// A segment of 1,000 answers, all satisfied: its Wilson interval, 99.617% to 100%, was written
// "100% to 100%", an interval of no width beside an n that says it has one.
it('writes a group interval with bounds that differ', () => {
  const score = { kind: 'csat', scale: 5, ...scoreCsat(Array(1000).fill(5), 5) }
  const row = { key: 'desktop', n: 1000, value: score.score, ci: score.ci, score }
  const segment = { name: 'device', rows: [row], truncated: false }
  const table = document.createElement('table')
  renderSegments(table, { ...csatStats(5, []), segment })
  const cells = [...table.querySelectorAll('tbody td')].map((cell) => cell.textContent)
  expect(cells).toEqual(['1,000', '100%', '99.6% to 100%'])
})

// 299 of 300 satisfied rounded to "100%", which says no one was dissatisfied.
it('writes a CSAT short of everyone as short of 100%', () => {
  const container = document.createElement('div')
  renderCards(container, csatStats(5, [...Array(299).fill(5), 1]))
  expect(container.querySelector('.card .value')?.textContent).toBe('99.7%')
})

// A range cuts its first and last weeks: November 4 (a Wednesday) to November 30 (a Monday) has a
// "week of November 2" holding five days and a "week of November 30" holding one, whose scores a
// team compared with whole weeks, a single Monday read as a bad week.
it.each([
  ['2026-11-02', '2026-11-02 (only 2026-11-04 to 2026-11-08)'],
  ['2026-11-09', '2026-11-09'],
  ['2026-11-30', '2026-11-30 (only 2026-11-30)'],
])('says which days of the week of %s the range holds', (key, shown) => {
  const stats = {
    ...csatStats(5, []),
    from: '2026-11-04T00:00:00.000Z',
    to: '2026-12-01T00:00:00.000Z',
    interval: 'week' as const,
    trend: [{ key, n: 3, value: 50, ci: { low: 20, high: 80 }, score: csatStats(5, [5]).score }],
  }
  const table = document.createElement('table')
  renderTrendTable(table, stats)
  expect(table.querySelector('tbody th')?.textContent).toBe(shown)
})

// A survey no one answered in the range (new, or a range before it ran): its score card said
// "too few answers for an interval" over "n = 0", as if a few had answered, and its segment table
// showed its column titles over nothing, where the trend beside them says "No answers in this
// range."
describe('a range without answers', () => {
  const empty = { ...csatStats(5, []), segment: { name: 'device', rows: [], truncated: false } }

  it('says so on the score card', () => {
    const container = document.createElement('div')
    renderCards(container, empty)
    const notes = [...container.querySelectorAll('.card')][0]?.querySelectorAll('.note')
    expect([...(notes ?? [])].map((note) => note.textContent)).toEqual([
      'no answers in this range',
      'n = 0, top two boxes of 1–5',
    ])
  })

  it('says so in the segment table', () => {
    const table = document.createElement('table')
    renderSegments(table, empty)
    expect(table.caption?.textContent).toBe('CSAT by device: no answers in this range')
  })
})

describe('the card of prompts shown', () => {
  // A response is a prompt shown: most are never answered, so its count is no count of answers.
  const counts = (responses: number, answered: number) => ({
    ...csatStats(5, [5]),
    counts: { responses, answered, completed: answered, dismissed: 1 },
  })
  const card = (container: HTMLElement) =>
    [...container.querySelectorAll('.card')].find(
      (item) => item.querySelector('h3')?.textContent === 'Shown',
    )
  it.each([
    [14, 7, '14', ['7 answered (50%), 7 completed', '1 dismissed']],
    [3, 1, '3', ['1 answered (33%), 1 completed', '1 dismissed']],
    [0, 0, '0', ['0 answered, 0 completed', '1 dismissed']],
  ])('%i shown, %i answered', (responses, answered, value, notes) => {
    const container = document.createElement('div')
    renderCards(container, counts(responses, answered))
    expect(card(container)?.querySelector('.value')?.textContent).toBe(value)
    expect(
      [...(card(container)?.querySelectorAll('.note') ?? [])].map((p) => p.textContent),
    ).toEqual(notes)
  })

  // Two counts of what did not arrive, each said with whose word it is: the devices' of what
  // they lost, the collector's of what it refused.
  it('says what devices reported lost and what the collector refused', () => {
    const container = document.createElement('div')
    renderCards(container, { ...counts(3, 1), dropped: 1_200, refused: 40 })
    expect(
      [...(card(container)?.querySelectorAll('.note') ?? [])].map((p) => p.textContent),
    ).toEqual([
      '1 answered (33%), 1 completed',
      '1 dismissed',
      'events devices reported lost (all surveys): 1,200',
      "new responses the collector refused (all its replicas), past a network's most a day: 40",
    ])
  })
})

describe('table captions', () => {
  // A custom survey has no score: its empty tables must not be captioned as NPS.
  it.each([
    [null, null, 'No scored question to segment', 'Score by day'],
    [{ kind: 'csat' as const, scale: 5 }, 'device', 'CSAT by device', 'CSAT by day'],
  ])('name the metric %j', (metric, name, segments, trend) => {
    // As computeStats answers: no segment for a survey without a metric.
    const row = { key: 'desktop', n: 1, value: 100, ci: null, score: csatStats(5, [5]).score }
    const segment = name ? { name, rows: [row], truncated: false } : null
    const stats = { ...csatStats(5, []), metric, score: null, segment }
    const segmentTable = document.createElement('table')
    const trendTable = document.createElement('table')
    renderSegments(segmentTable, stats)
    renderTrendTable(trendTable, stats)
    expect(segmentTable.caption?.textContent).toBe(segments)
    expect(trendTable.caption?.textContent).toBe(trend)
  })
})

// The API reads a range's dates and groups the trend by UTC days: a team west of Greenwich that
// picks "to November 30" has its evening of the 30th left out, and reads a day's row as its own
// day, unless the page says which days these are.
describe('time zone', () => {
  it.each([
    ['day' as const, 'Day (UTC)'],
    ['week' as const, 'Week of (UTC)'],
  ])('heads the trend table by %s in UTC', (interval, title) => {
    const table = document.createElement('table')
    renderTrendTable(table, { ...csatStats(5, []), interval })
    expect(table.querySelector('thead th')?.textContent).toBe(title)
  })

  it.each([
    ['from', 'From (UTC day)'],
    ['to', 'To (UTC day, included)'],
  ])('names the %s filter a UTC day', (name, label) => {
    const html = readFileSync(join(import.meta.dirname, 'index.html'), 'utf8')
    // The body only: the head's stylesheets are not for this test to load.
    const page = new DOMParser().parseFromString(html.slice(html.indexOf('<body')), 'text/html')
    const input = page.querySelector(`input[name=${name}]`)
    expect(input?.closest('label')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(label)
  })
})

// The page asks for the newest verbatims only, and has no further pages: a full list is cut,
// and a team reading it took it for every comment of the range.
describe('renderVerbatims', () => {
  const verbatim = (i: number) => ({
    responseId: `r${i}`,
    questionId: 'why',
    text: `comment ${i}`,
    at: '2026-11-02T12:00:00.000Z',
    bucket: null,
    score: null,
    locale: null,
    device: null,
  })
  // The verbatims of a CSAT survey listed in `into`, the bucket filter in an element of its own.
  const listVerbatims = (into: HTMLElement, verbatims: Verbatim[], bucket = '') =>
    renderVerbatims(
      document.createElement('div'),
      into,
      { ...csatStats(5, []), verbatims },
      bucket,
      () => {},
    )
  // Each "Show more" press, as a keyboard user makes it: the button goes, and the focus with it.
  const showAll = (list: HTMLElement) => {
    for (
      let more = list.querySelector('.more button');
      more;
      more = list.querySelector('.more button')
    ) {
      ;(more as HTMLButtonElement).click()
    }
  }

  it.each([
    [verbatimLimit - 1, null],
    [
      verbatimLimit,
      `The newest ${verbatimLimit} only: narrow the range or choose a bucket to read older ones.`,
    ],
  ])('with %i verbatims says at their end whether older ones are left out', (count, note) => {
    const ul = document.createElement('ul')
    listVerbatims(
      ul,
      Array.from({ length: count }, (_, i) => verbatim(i)),
    )
    expect(ul.querySelector('.note')).toBeNull()
    showAll(ul)
    expect(ul.querySelectorAll('blockquote')).toHaveLength(count)
    expect(ul.querySelector('.note')?.textContent ?? null).toBe(note)
    expect(ul.lastElementChild?.classList.contains('note')).toBe(note !== null)
  })

  // All 500 at once made the page 30,000 px long, the panels below out of reach.
  it('lists a page of verbatims, and each press of "Show more" the next, focusing its first', () => {
    const ul = document.createElement('ul')
    document.body.append(ul)
    const verbatims = Array.from({ length: 60 }, (_, i) => verbatim(i))
    listVerbatims(ul, verbatims)
    const quotes = () => [...ul.querySelectorAll('blockquote')].map((q) => q.textContent)
    const more = () => ul.querySelector<HTMLButtonElement>('.more button')
    expect(verbatimPage).toBe(25)
    expect(quotes()).toEqual(verbatims.slice(0, 25).map((v) => v.text))
    expect(more()?.textContent).toBe('Show 25 more (35 left)')
    more()?.click()
    expect(quotes()).toEqual(verbatims.slice(0, 50).map((v) => v.text))
    expect(document.activeElement?.querySelector('blockquote')?.textContent).toBe('comment 25')
    expect(more()?.textContent).toBe('Show 10 more (10 left)')
    more()?.click()
    expect(quotes()).toEqual(verbatims.map((v) => v.text))
    expect(document.activeElement?.querySelector('blockquote')?.textContent).toBe('comment 50')
    expect(more()).toBeNull()
    // Choosing a bucket lists its verbatims from the start again.
    listVerbatims(ul, verbatims, 'unsatisfied')
    expect(quotes()).toHaveLength(25)
    ul.remove()
  })

  it('says there are none', () => {
    const ul = document.createElement('ul')
    listVerbatims(ul, [])
    expect(ul.textContent).toBe('No verbatims.')
  })

  // Verbatims are in their respondents' languages, in an English page: an Arabic one laid out
  // left to right ends "!" on its right, where its reader sees it begin, and starts on the left.
  it('each verbatim takes the direction of its own text', () => {
    const ul = document.createElement('ul')
    const verbatims = [
      { ...verbatim(0), text: 'التصدير بطيء جدا!', locale: 'ar-EG' },
      { ...verbatim(1), text: 'Export is too slow!', locale: 'en' },
    ]
    listVerbatims(ul, verbatims)
    const quotes = [...ul.querySelectorAll('blockquote')]
    expect(quotes.map((q) => q.getAttribute('dir'))).toEqual(['auto', 'auto'])
  })
})

// A survey edited within the range (version 2 from mid-month) is read by comparing its versions:
// the API segments by surveyVersion, but the page offered no way to ask for it, and a shared link
// naming it fell back to the first segment.
it('offers the survey version as a segment', () => {
  const html = readFileSync(join(import.meta.dirname, 'index.html'), 'utf8')
  const page = new DOMParser().parseFromString(html.slice(html.indexOf('<body')), 'text/html')
  const options = [...page.querySelectorAll('select[name=segment] option')].map((o) => [
    o.getAttribute('value'),
    o.textContent,
  ])
  expect(options).toContainEqual(['surveyVersion', 'Survey version'])
})
