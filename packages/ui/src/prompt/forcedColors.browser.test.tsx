/// <reference types="@vitest/browser-playwright" />
import { afterEach, expect, test } from 'vitest'
import { cdp, page, userEvent } from 'vitest/browser'
import { contrast } from '../test/contrast'
import { screenshotPixels } from '../test/screenshotPixels'
import { closeAll, show } from '../test/show'
import { ces, csatNumbers, csatStars, multi, nps } from '../test/surveys'

// Forced colors (Windows High Contrast, in Edge and Chrome), emulated through the DevTools
// protocol: Chromium then paints with its system palette, as on a machine set that way.
function forcedColors(scheme: 'light' | 'dark') {
  return cdp().send('Emulation.setEmulatedMedia', {
    features: [
      { name: 'forced-colors', value: 'active' },
      { name: 'prefers-color-scheme', value: scheme },
    ],
  })
}

afterEach(async () => {
  closeAll()
  await cdp().send('Emulation.setEmulatedMedia', { features: [] })
  await page.viewport(1024, 768)
})

test('in forced colors (Windows High Contrast) the surface keeps an edge around it', async () => {
  // Forced colors drop box shadows and paint the surface in the page's own Canvas colour.
  await forcedColors('light')
  const { handle, shadow } = show(nps)
  await handle.ready
  const css = getComputedStyle(shadow.querySelector('.s') as HTMLElement)
  expect(css.boxShadow).toBe('none')
  expect(css.borderTopStyle).not.toBe('none')
  expect(Number.parseFloat(css.borderTopWidth)).toBeGreaterThanOrEqual(1)
})

test('in forced colors, the progress bar still shows how far the respondent is', async () => {
  // Its fill and its track are backgrounds, which forced colors repaint in the surface's Canvas.
  await forcedColors('light')
  const { handle, shadow } = show(nps)
  await handle.ready
  const canvas = getComputedStyle(shadow.querySelector('.s') as HTMLElement).backgroundColor
  const track = getComputedStyle(shadow.querySelector('.bar') as HTMLElement)
  const fill = getComputedStyle(shadow.querySelector('.bar>i') as HTMLElement)
  expect(fill.backgroundColor).not.toBe(canvas)
  expect(track.outlineStyle).not.toBe('none')
  expect(track.outlineColor).not.toBe(canvas)
})

test.each([
  ['the selected point of a scale stands out', csatNumbers, 'backgroundColor', [2]],
  ['the stars up to the selected one stand out', csatStars, 'color', [0, 1, 2]],
] as const)('in forced colors, %s', async (_, survey, property, chosen) => {
  // Forced colors repaint backgrounds and text in system colours, unless they are system colours.
  await forcedColors('light')
  const { handle, shadow } = show(survey)
  await handle.ready
  await userEvent.tab()
  await userEvent.keyboard('{ArrowRight}{ArrowRight}')
  await userEvent.tab() // on to the close button: the focus ring is not what shows the choice
  const radios = [...shadow.querySelectorAll('[role=radio]')]
  const looks = radios.map((radio) => getComputedStyle(radio)[property])
  const like = (i: number) => looks[i] === looks[chosen[0]]
  expect(radios.map((_, i) => like(i))).toEqual(radios.map((_, i) => chosen.some((c) => c === i)))
})

test('in forced colors, the chosen star keeps the box the other stars have', async () => {
  // The stars are drawn in forced colours, boxes and all: the chosen one among them too.
  await forcedColors('light')
  const { handle, shadow } = show(csatStars)
  await handle.ready
  await userEvent.tab()
  await userEvent.keyboard('{ArrowRight}{ArrowRight}')
  await userEvent.tab()
  const boxes = [...shadow.querySelectorAll('[role=radio]')].map((star) => {
    const css = getComputedStyle(star)
    return `${css.borderTopStyle} ${css.borderTopColor}`
  })
  expect(new Set(boxes).size).toBe(1)
})

/**
 * The share of the pixels in the middle of an element's text (its box less 2 CSS px each side)
 * that are of one colour: well under 1 where strokes are drawn on a ground, 1 for a blank patch.
 */
async function oneColour(el: Element): Promise<number> {
  const pixels = await screenshotPixels(el)
  const box = el.getBoundingClientRect()
  const text = document.createRange()
  text.selectNodeContents(el)
  const t = text.getBoundingClientRect()
  const scale = pixels.width / box.width
  const counts = new Map<string, number>()
  let all = 0
  for (
    let y = Math.ceil((t.top + 2 - box.top) * scale);
    y < (t.bottom - 2 - box.top) * scale;
    y++
  ) {
    for (
      let x = Math.ceil((t.left + 2 - box.left) * scale);
      x < (t.right - 2 - box.left) * scale;
      x++
    ) {
      const i = (y * pixels.width + x) * 4
      const colour = pixels.data.slice(i, i + 3).join()
      counts.set(colour, (counts.get(colour) ?? 0) + 1)
      all += 1
    }
  }
  return Math.max(...counts.values()) / all
}

// Chromium draws a backplate of the Canvas colour behind a control's text in forced colors: a
// number in HighlightText on it is white on white (black on black in a dark theme), a blank patch
// where the respondent looks for the number they chose.
test.each([
  ['an NPS', 'light', nps],
  ['an NPS', 'dark', nps],
  ['a rating', 'light', csatNumbers],
  ['a CES', 'dark', ces],
] as const)(
  'in forced colors, the chosen point of %s scale shows its number (%s theme)',
  async (_, scheme, survey) => {
    await page.viewport(480, 400)
    await forcedColors(scheme)
    const { handle, shadow } = show(survey)
    await handle.ready
    await userEvent.tab()
    await userEvent.keyboard('{ArrowRight}{ArrowRight}')
    // A point not chosen shows its number, as the measure's own check.
    const other = shadow.querySelector('[aria-checked=false]') as HTMLElement
    expect(await oneColour(other)).toBeLessThan(0.9)
    await userEvent.tab() // on to the close button: the focus ring is not in the picture
    const chosen = shadow.querySelector('[aria-checked=true]') as HTMLElement
    expect(await oneColour(chosen)).toBeLessThan(0.9)
    // Its focus ring, when the focus is back on it, in the system's colour as the close button's.
    const ring = getComputedStyle(shadow.activeElement as Element).outlineColor
    expect(getComputedStyle(chosen).outlineColor).toBe(ring)
  },
)

/** A colour drawn at `opacity` over `ground`, as the eye gets it. */
function over(colour: string, opacity: number, ground: string): string {
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
  const g = rgb(ground)
  return `rgb(${rgb(colour)
    .map((v, i) => v * opacity + (g[i] ?? 0) * (1 - opacity))
    .join(', ')})`
}

// High-contrast themes give disabled text a colour of its own (GrayText), picked to be read; at
// half opacity it fell from about 14:1 to about 3.5:1 on the surface in both Chromium themes.
test.each(['light', 'dark'] as const)(
  'in forced colors, a disabled Submit reads in the theme’s own disabled colour (%s theme)',
  async (scheme) => {
    await forcedColors(scheme)
    const { handle, shadow, ui } = show(multi)
    await handle.ready
    const canvas = getComputedStyle(shadow.querySelector('.s') as Element).backgroundColor
    const submit = ui.getByRole('button', { name: 'Submit' })
    expect(submit).toBeDisabled()
    const disabled = getComputedStyle(submit)
    const drawn = over(disabled.color, Number(disabled.opacity), canvas)
    expect(contrast(drawn, canvas)).toBeGreaterThanOrEqual(4.5)
    const grey = disabled.color
    await userEvent.click(ui.getByRole('checkbox', { name: 'Reports' }))
    expect(submit).toBeEnabled()
    // Still told apart from the enabled button, by the theme's colours.
    expect(getComputedStyle(submit).color).not.toBe(grey)
  },
)
