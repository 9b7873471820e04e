/// <reference types="@vitest/browser-playwright" />
import type { Survey } from '@sonde/core'
import { afterEach, describe, expect, test } from 'vitest'
import { cdp, page } from 'vitest/browser'
import { closeAll, show } from './test/show'
import { ces, csatEmoji, csatNumbers, csatStars, multi, nps, single } from './test/surveys'
import { closeTours, showTour, tour } from './tour/test/showTour'

// The user's own text size: the browser's default font size (Settings › Appearance › Font size),
// which the shadow host's `all: initial` gives it as `medium`. Sonde's text follows it, as text in
// rem on the page does, but not the page's root size (`html { font-size: 62.5% }`).
function defaultFontSize(standard: number) {
  return cdp().send('Page.setFontSizes', { fontSizes: { standard } })
}

afterEach(async () => {
  closeAll()
  closeTours()
  document.documentElement.style.fontSize = ''
  await defaultFontSize(16)
  await page.viewport(1024, 768)
})

const described = single({ type: 'text', description: 'A line more.', maxLength: 100 })

// What each text is at the usual 16 px default, as it has always looked.
const TEXTS: [string, Survey, string, number][] = [
  ['the body', nps, '.s', 15],
  ['a question', nps, '.q', 16],
  ['a scale point', nps, '.r', 14],
  ["the words under a scale's ends", nps, '.ends', 12],
  ['the progress', nps, '.pg', 12],
  ['an emoji', csatEmoji, '.r', 24],
  ['a star', csatStars, '.r', 30],
  ['a description', described, '.d', 14],
  // 16 px, not the body's 15: Safari on iOS zooms the page in on a field under 16 px.
  ['a text field', described, '.in', 16],
  ['the character count', described, '.cnt', 12],
  ['a button', described, '.b', 15],
  ['an option', multi, '.o', 15],
]

async function fontSize(survey: Survey, selector: string) {
  const shown = show(survey)
  await shown.handle.ready
  const el = shown.shadow.querySelector(selector)
  if (!el) throw new Error(`no ${selector}`)
  const size = Number.parseFloat(getComputedStyle(el).fontSize)
  closeAll()
  return size
}

describe('in a prompt', () => {
  test.each(TEXTS)('%s follows the default font size', async (_, survey, selector, px) => {
    expect(await fontSize(survey, selector)).toBe(px)
    await defaultFontSize(32)
    expect(await fontSize(survey, selector)).toBe(px * 2)
    // A page that sets its root to 10 px, to size its own text in rem, does not shrink it.
    await defaultFontSize(16)
    document.documentElement.style.fontSize = '62.5%'
    expect(await fontSize(survey, selector)).toBe(px)
  })
})

test.each([
  ['.tc', 12],
  ['.q', 16],
  ['.d', 14],
  ['.b', 15],
])('in a tour tooltip, %s follows the default font size', async (selector, px) => {
  const measure = async () => {
    const s = showTour(
      tour({
        steps: [
          { id: 'a', title: 'Here', body: 'Look.' },
          { id: 'b', title: 'There' },
        ],
      }),
    )
    await s.handle.ready
    const el = s.shadow.querySelector(selector)
    if (!el) throw new Error(`no ${selector}`)
    const size = Number.parseFloat(getComputedStyle(el).fontSize)
    closeTours()
    return size
  }
  expect(await measure()).toBe(px)
  await defaultFontSize(32)
  expect(await measure()).toBe(px * 2)
})

// At twice the usual size a point still shows its whole number (never "1" over "0", nor "10"
// spilling onto its neighbour), at least 24 px each way: the scale wraps instead.
describe.each([
  [320, 'bottom-right'],
  [320, 'center'],
  [1024, 'bottom-right'],
  [1024, 'center'],
] as const)('at twice the text size, %i px wide, a %s prompt', (width, position) => {
  test.each([
    ['nps', nps],
    ['rating numbers', csatNumbers],
    ['rating stars', csatStars],
    ['rating emoji', csatEmoji],
    ['ces', ces],
  ] as const)('keeps each point of a %s scale whole', async (_, survey) => {
    await defaultFontSize(32)
    await page.viewport(width, 640)
    const shown = show(survey, { position })
    await shown.handle.ready
    const surface = shown.shadow.querySelector('.s') as HTMLElement
    const edge = surface.getBoundingClientRect()
    for (const point of shown.ui.getAllByRole('radio')) {
      const r = point.getBoundingClientRect()
      expect(r.width).toBeGreaterThanOrEqual(24)
      expect(r.height).toBeGreaterThanOrEqual(24)
      expect(r.left).toBeGreaterThanOrEqual(edge.left)
      expect(r.right).toBeLessThanOrEqual(edge.right)
      // The glyphs' own box (their font's ascent and descent) fits in the point's border.
      const text = document.createRange()
      text.selectNodeContents(point)
      const t = text.getBoundingClientRect()
      const label = point.textContent ?? ''
      expect(t.left, label).toBeGreaterThanOrEqual(r.left + 1)
      expect(t.right, label).toBeLessThanOrEqual(r.right - 1)
      expect(t.height, label).toBeLessThanOrEqual(r.height - 2)
    }
  })
})

test('at the usual size, an NPS scale on a 320 px phone stays on one row', async () => {
  await page.viewport(320, 640)
  const shown = show(nps, { position: 'center' })
  await shown.handle.ready
  const tops = shown.ui.getAllByRole('radio').map((p) => p.getBoundingClientRect().top)
  expect(new Set(tops).size).toBe(1)
})

test.each(['bottom-right', 'center'] as const)(
  'at twice the text size, a %s prompt taller than the window scrolls inside itself',
  async (position) => {
    await defaultFontSize(32)
    await page.viewport(320, 360)
    const shown = show(nps, { position })
    await shown.handle.ready
    const surface = shown.shadow.querySelector('.s') as HTMLElement
    await Promise.all(surface.getAnimations().map((a) => a.finished))
    const r = surface.getBoundingClientRect()
    expect(r.top).toBeGreaterThanOrEqual(0)
    expect(r.bottom).toBeLessThanOrEqual(innerHeight)
    expect(surface.scrollHeight).toBeGreaterThan(surface.clientHeight)
    const last = shown.ui.getAllByRole('radio').at(-1) as HTMLElement
    last.scrollIntoView({ block: 'nearest' })
    const point = last.getBoundingClientRect()
    expect(point.top).toBeGreaterThanOrEqual(r.top)
    expect(point.bottom).toBeLessThanOrEqual(r.bottom)
    expect(scrollY).toBe(0)
  },
)
