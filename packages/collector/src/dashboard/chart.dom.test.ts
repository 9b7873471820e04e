import { describe, expect, it } from 'vitest'
import { drawTrend } from './chart.js'

function stats(metric: { kind: 'nps'; scale: number } | null, answered: number) {
  return {
    surveyId: 'feedback',
    metric,
    from: null,
    to: null,
    counts: { responses: answered, answered, completed: answered, dismissed: 0 },
    dropped: 0,
    refused: 0,
    score: null,
    distribution: [],
    interval: 'day' as const,
    trend: [],
    segment: null,
    verbatims: [],
  }
}

describe('drawTrend without points', () => {
  // A custom survey (no scored question) has answers but no score to trend: saying it has no
  // answers contradicts the "12 answered" card beside it.
  it.each([
    [null, 12, 'No scored question in this survey: nothing to trend.'],
    [{ kind: 'nps' as const, scale: 10 }, 0, 'No answers in this range.'],
  ])('with metric %j and %i answered says why', (metric, answered, text) => {
    const container = document.createElement('div')
    drawTrend(container, stats(metric, answered))
    expect(container.textContent).toBe(text)
  })
})

// The chart is an image to assistive technology (role img, named by aria-label), which hides its
// text: a screen reader heard "Trend chart, image" and never why there was no chart.
describe('drawTrend names the chart for screen readers', () => {
  it.each([
    [null, 12, 'No scored question in this survey: nothing to trend.'],
    [{ kind: 'nps' as const, scale: 10 }, 0, 'No answers in this range.'],
  ])('with metric %j and %i answered by what it says', (metric, answered, text) => {
    const container = document.createElement('div')
    container.setAttribute('role', 'img')
    container.setAttribute('aria-label', 'Trend chart')
    drawTrend(container, stats(metric, answered))
    expect(container.getAttribute('aria-label')).toBe(text)
  })
})
