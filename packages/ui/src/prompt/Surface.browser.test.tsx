/// <reference types="@vitest/browser-playwright" />
import type { Theme } from '@sonde/core'
import { afterEach, expect, test } from 'vitest'
import { cdp, page, userEvent } from 'vitest/browser'
import { contrast } from '../test/contrast'
import { onScreenKeyboard } from '../test/onScreenKeyboard'
import { screenshotPixels } from '../test/screenshotPixels'
import { closeAll, show } from '../test/show'
import { ces, csatNumbers, csatStars, multi, nps, single, text } from '../test/surveys'

// The system preferences a theme follows, emulated through the DevTools protocol so the real
// media queries match, as on a machine set that way.
function emulate(features: { name: string; value: string }[]) {
  return cdp().send('Emulation.setEmulatedMedia', { features })
}

afterEach(async () => {
  closeAll()
  await emulate([])
  await page.viewport(1024, 768)
})

async function surface() {
  const shown = show(nps)
  await shown.handle.ready
  const el = shown.shadow.querySelector<HTMLElement>('.s')
  if (!el) throw new Error('no surface')
  return el
}

test('an auto theme follows the system colour scheme', async () => {
  await emulate([{ name: 'prefers-color-scheme', value: 'dark' }])
  const dark = await surface()
  expect(getComputedStyle(dark).backgroundColor).toBe('rgb(24, 24, 27)')
  expect(getComputedStyle(dark).colorScheme).toBe('dark')
  closeAll()
  await emulate([{ name: 'prefers-color-scheme', value: 'light' }])
  const light = await surface()
  expect(getComputedStyle(light).backgroundColor).toBe('rgb(255, 255, 255)')
})

test('with reduced motion it appears without its entrance animation', async () => {
  const moving = await surface()
  expect(moving.getAnimations()).toHaveLength(1)
  closeAll()
  await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }])
  const still = await surface()
  expect(still.getAnimations()).toHaveLength(0)
})

/** A CSAT in `theme`, its second point chosen by keyboard: the point and the surface's colours. */
async function choosePoint(theme: Theme) {
  const { handle, shadow } = show(csatNumbers, { theme })
  await handle.ready
  await userEvent.tab()
  await userEvent.keyboard('{ArrowRight}')
  const chosen = shadow.activeElement as HTMLElement
  const surface = getComputedStyle(shadow.querySelector('.s') as HTMLElement).backgroundColor
  return { surface, point: getComputedStyle(chosen), chosen }
}

test.each([
  ['a dark theme', { accent: '#4f46e5', colorScheme: 'dark' }, 'light'],
  ['an auto theme on a dark system', { accent: '#4f46e5' }, 'dark'],
] as const)(
  'with a brand accent chosen for white, %s still shows the choice and the focus ring at 3:1',
  async (_, theme, os) => {
    // WCAG 1.4.11: the selected point and the focus ring are told apart by the accent alone.
    await emulate([{ name: 'prefers-color-scheme', value: os }])
    const { surface, point, chosen } = await choosePoint(theme)
    expect(chosen.ariaChecked).toBe('true')
    expect(contrast(point.outlineColor, surface)).toBeGreaterThanOrEqual(3)
    expect(contrast(point.backgroundColor, surface)).toBeGreaterThanOrEqual(3)
    expect(contrast(point.color, point.backgroundColor)).toBeGreaterThanOrEqual(4.5)
  },
)

// An accent too light for white (amber, 2.1:1): in the light scheme the marks it alone draws
// (the focus ring, the chosen point, star, option and box) still stand 3:1 on the surface (WCAG
// 1.4.11); buttons keep the team's colour, their text chosen to read on it.
test.each([
  ['the focus ring', csatNumbers, 1, '[role=radio]:focus', 'outlineColor'],
  ['the chosen point', csatNumbers, 1, '[aria-checked=true]', 'borderTopColor'],
  ['the chosen stars', csatStars, 2, '.on', 'webkitTextStrokeColor'],
  [
    'the chosen option',
    single({ ...ces.questions[1] }),
    1,
    '[aria-checked=true]',
    'borderTopColor',
  ],
  [
    'the dot of the chosen option',
    single({ ...ces.questions[1] }),
    1,
    '[aria-checked=true] .dot',
    'borderTopColor',
  ],
  ['a ticked box', multi, 0, 'input', 'accentColor'],
] as const)(
  'with a light brand accent in the light scheme, %s stands 3:1 on the surface',
  async (_, survey, arrows, selector, property) => {
    const { handle, shadow } = show(survey, { theme: { accent: '#f59e0b', colorScheme: 'light' } })
    await handle.ready
    await userEvent.tab()
    await userEvent.keyboard(arrows ? '{ArrowRight}'.repeat(arrows) : ' ')
    const surface = getComputedStyle(shadow.querySelector('.s') as HTMLElement).backgroundColor
    const marks = [...shadow.querySelectorAll(selector)]
    expect(marks.length).toBeGreaterThan(0)
    for (const mark of marks)
      expect(contrast(getComputedStyle(mark)[property], surface)).toBeGreaterThanOrEqual(3)
  },
)

test.each([
  ['white', { accent: '#f59e0b', background: '#ffffff', colorScheme: 'light' }],
  ['cream', { accent: '#f59e0b', background: '#fffbeb' }],
  ['near-black', { accent: '#4f46e5', background: '#18181b', colorScheme: 'dark' }],
] as const)(
  "on a team's own %s background, the focus ring and the chosen point stand 3:1 on it",
  async (_, theme) => {
    const { surface, point } = await choosePoint(theme)
    expect(contrast(point.outlineColor, surface)).toBeGreaterThanOrEqual(3)
    expect(contrast(point.borderTopColor, surface)).toBeGreaterThanOrEqual(3)
  },
)

test('with a light brand accent in the light scheme, the buttons keep it', async () => {
  const { handle, ui } = show(text, { theme: { accent: '#f59e0b', colorScheme: 'light' } })
  await handle.ready
  const submit = getComputedStyle(ui.getByRole('button', { name: /submit/i }))
  expect(submit.backgroundColor).toBe('rgb(245, 158, 11)')
  expect(contrast(submit.color, submit.backgroundColor)).toBeGreaterThanOrEqual(4.5)
})

test.each(['light', 'dark'] as const)(
  '%s: the chosen stars differ from the others by more than their colour (WCAG 1.4.1)',
  async (colorScheme) => {
    // Told apart by hue alone (indigo against slate grey, 1.15:1), three of five chosen stars look
    // like five to someone who sees no colour. Counted here as the pixels each star inks.
    const { handle, shadow } = show(csatStars, { theme: { colorScheme } })
    await handle.ready
    await userEvent.tab()
    await userEvent.keyboard('{ArrowRight}{ArrowRight}')
    await userEvent.tab() // on to the close button: the focus ring is not what shows the choice
    const surface = shadow.querySelector('.s') as HTMLElement
    await Promise.all(surface.getAnimations().map((animation) => animation.finished))
    const bg = getComputedStyle(surface).backgroundColor
    const scale = shadow.querySelector('.sc') as HTMLElement
    const pixels = await screenshotPixels(scale)
    const ratio = pixels.width / scale.getBoundingClientRect().width
    const ink = [...scale.querySelectorAll('[role=radio]')].map((star) => {
      const box = star.getBoundingClientRect()
      const left = Math.round((box.left - scale.getBoundingClientRect().left) * ratio)
      let count = 0
      for (let y = 0; y < pixels.height; y++) {
        for (let x = left; x < left + Math.round(box.width * ratio); x++) {
          const i = (y * pixels.width + x) * 4
          const [r = 0, g = 0, b = 0] = pixels.data.slice(i, i + 3)
          if (contrast(`rgb(${r}, ${g}, ${b})`, bg) > 1.5) count += 1
        }
      }
      return count
    })
    // The same glyph in two colours inks as much either way; an outline, a good quarter less.
    const chosen = Math.min(...ink.slice(0, 3))
    expect(Math.max(...ink.slice(3))).toBeLessThan(chosen * 0.75)
  },
)

test('a center prompt is as tall as its question, in the middle of the window', async () => {
  const { handle, shadow } = show(nps, { position: 'center' })
  await handle.ready
  const dialog = shadow.querySelector('dialog') as HTMLElement
  await Promise.all(dialog.getAnimations().map((animation) => animation.finished))
  const box = dialog.getBoundingClientRect()
  const content = (shadow.querySelector('.c') as HTMLElement).getBoundingClientRect()
  expect(Math.round(box.height)).toBe(Math.round(content.height))
  expect(Math.round(box.top)).toBe(Math.round((innerHeight - box.height) / 2))
})

// WCAG 2.5.8: a target under 24 × 24 px passes only if a 24 px circle centred on it overlaps
// neither another target nor the circle of another small one.
function tooSmall(targets: DOMRect[]): number[] {
  const centre = (r: DOMRect) => [r.x + r.width / 2, r.y + r.height / 2] as const
  const small = (r: DOMRect) => r.width < 24 || r.height < 24
  const gap = (p: readonly [number, number], r: DOMRect) =>
    Math.hypot(
      Math.max(r.left - p[0], 0, p[0] - r.right),
      Math.max(r.top - p[1], 0, p[1] - r.bottom),
    )
  return targets.flatMap((a, i) => {
    const c = centre(a)
    const clash = targets.some(
      (b, j) =>
        j !== i &&
        (gap(c, b) < 12 || (small(b) && Math.hypot(c[0] - centre(b)[0], c[1] - centre(b)[1]) < 24)),
    )
    return small(a) && clash ? [i] : []
  })
}

test.each(['bottom-right', 'center'] as const)(
  '%s, 320 px wide (1280 px at 4× zoom): the NPS points are 24 px targets (WCAG 2.5.8)',
  async (position) => {
    await page.viewport(320, 568)
    const { handle, shadow } = show(nps, { position })
    await handle.ready
    const points = [...shadow.querySelectorAll('[role=radio]')]
    expect(points).toHaveLength(11)
    expect(tooSmall(points.map((point) => point.getBoundingClientRect()))).toEqual([])
  },
)

test('the bottom sheet rises above the on-screen keyboard', async () => {
  await page.viewport(360, 640)
  const keyboard = onScreenKeyboard()
  try {
    const sheet = await surface()
    await Promise.all(sheet.getAnimations().map((animation) => animation.finished))
    expect(Math.round(sheet.getBoundingClientRect().bottom)).toBe(640)
    keyboard.open(300)
    await expect.poll(() => Math.round(sheet.getBoundingClientRect().bottom)).toBe(340)
    keyboard.open(0)
    await expect.poll(() => Math.round(sheet.getBoundingClientRect().bottom)).toBe(640)
  } finally {
    keyboard.restore()
  }
})

test.each([
  ['bottom-right', 16],
  ['bottom-left', 16],
  ['bottom', 0],
] as const)(
  'on a tablet, a %s prompt rises above the on-screen keyboard too',
  async (position, gap) => {
    // 800 px wide: no sheet, but a touch screen all the same, whose keyboard covers the bottom
    // corner the moment the respondent taps the text field.
    await page.viewport(800, 1000)
    const keyboard = onScreenKeyboard()
    try {
      const { handle, shadow } = show(nps, { position })
      await handle.ready
      const prompt = shadow.querySelector('.s') as HTMLElement
      await Promise.all(prompt.getAnimations().map((animation) => animation.finished))
      keyboard.open(400)
      await expect
        .poll(() => Math.round(prompt.getBoundingClientRect().bottom))
        .toBeLessThanOrEqual(600 - gap)
      expect(prompt.getBoundingClientRect().top).toBeGreaterThanOrEqual(0)
    } finally {
      keyboard.restore()
    }
  },
)

test('a sheet shown while the on-screen keyboard is already open sits above it', async () => {
  // A survey due on an event sent as the user types (a comment posted, a search run): the
  // keyboard is up before the prompt, and the visual viewport fires nothing more.
  await page.viewport(360, 640)
  const keyboard = onScreenKeyboard(300)
  try {
    const sheet = await surface()
    await Promise.all(sheet.getAnimations().map((animation) => animation.finished))
    expect(Math.round(sheet.getBoundingClientRect().bottom)).toBe(340)
  } finally {
    keyboard.restore()
  }
})

test('a word wider than the prompt wraps instead of pushing it sideways', async () => {
  // German compounds and pasted URLs: a label must not run under the close button or make the
  // prompt scroll sideways, on a phone or in a corner.
  const long = 'Datenschutzgrundverordnungskonformität'
  for (const width of [360, 1280]) {
    await page.viewport(width, 720)
    const { shadow, handle } = show(
      single({
        type: 'choice',
        text: `Was fehlt? ${long}`,
        options: [
          { id: 'a', label: long },
          { id: 'b', label: 'https://acme.example.com/reports/quarterly-export-settings' },
        ],
      }),
      { locale: 'de' },
    )
    await handle.ready
    const wide = [...shadow.querySelectorAll<HTMLElement>('.s, .q, .o')].filter(
      (el) => el.scrollWidth > el.clientWidth,
    )
    expect(wide.map((el) => el.className)).toEqual([])
    closeAll()
  }
  // The numbers of an NPS scale still keep to one line each, on a 320 px phone (WCAG reflow,
  // 1280 px at 400%) as a sheet or a centred modal, and on a 280 px folding phone.
  const lines: number[] = []
  for (const [width, position] of [
    [320, 'bottom-right'],
    [320, 'center'],
    [280, 'center'],
  ] as const) {
    await page.viewport(width, 640)
    const { shadow, handle } = show(nps, { position })
    await handle.ready
    const range = document.createRange()
    range.selectNodeContents(shadow.querySelectorAll('[role=radio]')[10] as Node)
    lines.push(range.getClientRects().length)
    closeAll()
  }
  expect(lines).toEqual([1, 1, 1])
})

test('above the on-screen keyboard, a long sheet keeps its question on screen', async () => {
  await page.viewport(360, 640)
  const keyboard = onScreenKeyboard()
  try {
    // Twelve options and "other": the sheet is at its tallest when the field brings the keyboard.
    const options = Array.from({ length: 12 }, (_, i) => ({ id: `o${i}`, label: `Option ${i}` }))
    const { shadow, handle } = show(
      single({ type: 'choice', multiple: true, other: true, options }),
    )
    await handle.ready
    const sheet = shadow.querySelector<HTMLElement>('.s') as HTMLElement
    await Promise.all(sheet.getAnimations().map((animation) => animation.finished))
    keyboard.open(300)
    await expect.poll(() => Math.round(sheet.getBoundingClientRect().bottom)).toBe(340)
    expect(sheet.getBoundingClientRect().top).toBeGreaterThanOrEqual(0)
  } finally {
    keyboard.restore()
  }
})

// Where the dark pixels of an element's text begin and end, from its inner edges (border and
// padding aside): a line aligned left starts near 0, one aligned right ends near the width.
async function inkSpan(el: Element): Promise<{ fromLeft: number; fromRight: number }> {
  const { width, height, data } = await screenshotPixels(el)
  let min = width
  let max = -1
  for (let y = 4; y < height - 4; y++) {
    for (let x = 4; x < width - 4; x++) {
      const i = 4 * (y * width + x)
      if ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 300) {
        min = Math.min(min, x)
        max = Math.max(max, x)
      }
    }
  }
  return { fromLeft: min, fromRight: width - 1 - max }
}

// Respondents write in their own language whatever their browser's: an Arabic answer typed in
// an English prompt (an en-US browser, common among Arabic readers) must not run left to right,
// its "؟" on the right where it reads as its start, nor an English one in an Arabic prompt.
test('an answer being typed takes the direction of its own text', async () => {
  const both = { en: 'Type here', ar: 'اكتب هنا' }
  for (const [locale, typed, side, placeholder] of [
    ['en', 'لماذا التصدير بطيء؟', 'right', both],
    ['ar', 'Export is slow!', 'left', both],
    // Empty, it keeps the prompt's: its placeholder on the right of an Arabic one.
    ['ar', '', 'right', both],
    // A placeholder written in English only, in an Arabic prompt, runs left to right as its
    // question does: not "...Tell us more", its ellipsis carried to its start.
    ['ar', '', 'left', { en: 'Tell us more...' }],
    ['en', '', 'right', { ar: 'أخبرنا بالمزيد...' }],
  ] as const) {
    const survey = single(
      { type: 'text', text: { en: 'Why?', ar: 'لماذا؟' }, placeholder },
      { locale: 'en' in placeholder ? 'en' : 'ar' },
    )
    const { ui, handle } = show(survey, { locale })
    await handle.ready
    const box = ui.getByRole('textbox')
    if (typed) await userEvent.type(box, typed)
    ;(box as HTMLTextAreaElement).setSelectionRange(0, 0)
    const ink = await inkSpan(box)
    if (side === 'right') expect(ink.fromRight).toBeLessThan(ink.fromLeft)
    else expect(ink.fromLeft).toBeLessThan(ink.fromRight)
    closeAll()
  }
})

test('a text in a fallback language keeps its own direction inside a right-to-left prompt', async () => {
  // Follow-ups exist only in English: in an Arabic surface the English sentence must not read
  // "?What should we improve first", its final punctuation carried to the left.
  const x = (text: Text, i: number) => {
    const range = document.createRange()
    range.setStart(text, i)
    range.setEnd(text, i + 1)
    return range.getBoundingClientRect().left
  }
  const { ui, handle } = show(nps, { locale: 'ar' })
  await handle.ready
  await userEvent.click(ui.getByRole('radio', { name: /^3$/ }))
  const heading = ui.getByRole('heading', { name: 'What should we improve first?' })
  const text = heading.firstChild as Text
  expect(x(text, text.length - 1)).toBeGreaterThan(x(text, 0))
  // And the other way round: an Arabic-only question in an English prompt ends with its "؟" on the left.
  closeAll()
  const arabic = single(
    { type: 'nps', text: { ar: 'ما مدى احتمال أن توصي بنا؟' } },
    { locale: 'ar' },
  )
  const shown = show(arabic, { locale: 'en' })
  await shown.handle.ready
  const ar = shown.ui.getByRole('heading').firstChild as Text
  expect(x(ar, ar.length - 1)).toBeLessThan(x(ar, 0))
})
