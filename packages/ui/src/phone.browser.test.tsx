/// <reference types="@vitest/browser-playwright" />
import { afterEach, expect, test } from 'vitest'
import { cdp, page, userEvent } from 'vitest/browser'
import { onScreenKeyboard } from './test/onScreenKeyboard'
import { closeAll, show } from './test/show'
import { multi, nps, single, text } from './test/surveys'
import { el, until } from './tour/test/layout'
import { closeTours, showTour, tour } from './tour/test/showTour'

// A prompt on a phone: 360 × 640 CSS px, answered with a finger.

// What a phone with a notch and a home indicator reports to a page that extends under them
// (`viewport-fit=cover`, as installed web apps and many mobile sites do): env(safe-area-inset-*).
function safeArea(insets: { top: number; right: number; bottom: number; left: number }) {
  return cdp().send('Emulation.setSafeAreaInsetsOverride', { insets })
}

afterEach(async () => {
  closeAll()
  closeTours()
  window.scrollTo(0, 0)
  await safeArea({ top: 0, right: 0, bottom: 0, left: 0 })
  await page.viewport(1024, 768)
})

// Safari on iOS zooms the whole page in on a text field whose text is under 16 px when it is
// focused, and leaves it zoomed after the prompt has gone: the respondent must pinch it back.
test('the text fields of a prompt have 16 px text, so iOS does not zoom the page on them', async () => {
  await page.viewport(360, 640)
  const sizes: number[] = []
  for (const survey of [text, multi]) {
    const { ui, handle } = show(survey)
    await handle.ready
    if (survey === multi) await userEvent.click(ui.getByRole('checkbox', { name: /other/i }))
    for (const field of ui.getAllByRole('textbox')) {
      sizes.push(Number.parseFloat(getComputedStyle(field).fontSize))
    }
    closeAll()
  }
  expect(sizes).toHaveLength(2)
  expect(sizes.filter((size) => size < 16)).toEqual([])
})

function settled(el: Element) {
  return Promise.all(el.getAnimations().map((animation) => animation.finished))
}

// Under the home indicator a tap goes to the system (it swipes home), and the notch and the
// rounded corners hide what is under them: a button there cannot be tapped, a word not read.
test.each([
  ['a sheet, upright', 360, 640, 'bottom-right', { top: 47, right: 0, bottom: 34, left: 0 }],
  ['a bottom bar, on its side', 844, 390, 'bottom', { top: 0, right: 47, bottom: 21, left: 47 }],
  ['a corner, on its side', 844, 390, 'bottom-right', { top: 0, right: 47, bottom: 21, left: 47 }],
  [
    'a corner at the top, on its side',
    844,
    390,
    'top-left',
    { top: 0, right: 47, bottom: 21, left: 47 },
  ],
] as const)(
  'on a phone with a notch, %s: the prompt keeps clear of it and of the home indicator',
  async (_, width, height, position, insets) => {
    await page.viewport(width, height)
    await safeArea(insets)
    const { ui, handle, shadow } = show(text, { position })
    await handle.ready
    await settled(shadow.querySelector('.s') as Element)
    for (const part of [ui.getByRole('textbox'), ...ui.getAllByRole('button')]) {
      const r = part.getBoundingClientRect()
      expect(r.bottom).toBeLessThanOrEqual(height - insets.bottom)
      expect(r.right).toBeLessThanOrEqual(width - insets.right)
      expect(r.left).toBeGreaterThanOrEqual(insets.left)
      expect(r.top).toBeGreaterThanOrEqual(insets.top)
    }
  },
)

test('on a phone with a notch, a tour step at the top of the screen keeps its text below it', async () => {
  // The step's target is low on the screen (a tab bar), so its sheet goes to the top.
  await page.viewport(360, 640)
  await safeArea({ top: 47, right: 0, bottom: 34, left: 0 })
  const bar = el('nav', { position: 'fixed', left: '0', right: '0', bottom: '0', height: '56px' })
  el('button', {}, bar, 't')
  const s = showTour(tour({ steps: [{ id: 'a', target: '#t', title: 'Here', body: 'Look.' }] }))
  await s.handle.ready
  const tip = s.tip() as HTMLElement
  await until(() => tip.hasAttribute('data-top'))
  await settled(tip)
  expect(s.ui.getByRole('heading').getBoundingClientRect().top).toBeGreaterThanOrEqual(47)
})

// A step too long for its sheet scrolls inside it, its buttons kept at its foot: inside the
// sheet, not hanging below a top sheet over the page, and above the home indicator.
test.each([
  ['at the top of the screen', { position: 'fixed', left: '0', right: '0', bottom: '0' }],
  ['at the bottom of the screen', { padding: '60px 20px' }],
] as const)(
  'on a phone with a notch, a long tour step %s keeps its buttons in its sheet',
  async (_, host) => {
    await page.viewport(360, 640)
    await safeArea({ top: 47, right: 0, bottom: 34, left: 0 })
    el('button', {}, el('nav', host), 't')
    const body = 'Pick the columns, the filters and the period, then save it to find it here. '
    const steps = [
      { id: 'a', target: '#t', title: 'Here', body: body.repeat(20) },
      { id: 'b', title: 'Next' },
    ]
    const s = showTour(tour({ steps }))
    await s.handle.ready
    const tip = s.tip() as HTMLElement
    await settled(tip)
    const sheet = tip.getBoundingClientRect()
    for (const button of s.ui.getAllByRole('button')) {
      const r = button.getBoundingClientRect()
      expect(r.bottom, button.textContent ?? '').toBeLessThanOrEqual(
        Math.min(sheet.bottom, 640 - 34),
      )
    }
  },
)

test('a sheet over the home indicator still reaches the bottom of the screen', async () => {
  // Its background fills the strip under the indicator; only its content keeps above it.
  await page.viewport(360, 640)
  await safeArea({ top: 47, right: 0, bottom: 34, left: 0 })
  const { handle, shadow } = show(nps)
  await handle.ready
  const sheet = shadow.querySelector('.s') as HTMLElement
  await settled(sheet)
  expect(Math.round(sheet.getBoundingClientRect().bottom)).toBe(640)
})

// Within the window, below everything above it and above what the keyboard covers.
function inSight(el: Element, keyboard: number): boolean {
  const r = el.getBoundingClientRect()
  const clip = (el.closest('.s') as Element).getBoundingClientRect()
  return r.top >= Math.max(0, clip.top) && r.bottom <= Math.min(innerHeight - keyboard, clip.bottom)
}

test.each([['a corner prompt, on its side', 640, 360, 'bottom-right', 200]] as const)(
  'on a phone, %s: the field being typed in stays in sight above the keyboard',
  async (_, width, height, position, covered) => {
    await page.viewport(width, height)
    const keyboard = onScreenKeyboard()
    try {
      const { ui, handle, shadow } = show(nps, { position })
      await handle.ready
      await settled(shadow.querySelector('.s') as Element)
      // A detractor's score: the follow-up's field takes focus, and the keyboard comes up.
      await userEvent.click(ui.getByRole('radio', { name: /^3/ }))
      const field = await ui.findByRole('textbox')
      expect(shadow.activeElement).toBe(field)
      keyboard.open(covered)
      await expect.poll(() => inSight(field, covered)).toBe(true)
    } finally {
      keyboard.restore()
    }
  },
)

// A finger drawn up the screen from (x, y) by `dy` px, through the DevTools protocol: real touch
// events, which the browser turns into a scroll as it would a finger's.
async function swipe(x: number, y: number, dy: number) {
  const frame = (window.frameElement as Element | null)?.getBoundingClientRect() ?? { x: 0, y: 0 }
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at?: number) =>
    cdp().send('Input.dispatchTouchEvent', {
      type,
      touchPoints: at === undefined ? [] : [{ x: frame.x + x, y: frame.y + at }],
    })
  await touch('touchStart', y)
  for (let i = 1; i <= 10; i++) {
    await touch('touchMove', y - (dy * i) / 10)
    await new Promise((resolve) => setTimeout(resolve, 16))
  }
  await touch('touchEnd')
  await new Promise((resolve) => setTimeout(resolve, 300))
}

test.each([
  [
    'a sheet',
    () => {
      const options = Array.from({ length: 14 }, (_, i) => ({ id: `o${i}`, label: `Option ${i}` }))
      const s = show(single({ type: 'choice', multiple: true, options }))
      return { ready: s.handle.ready, box: () => s.shadow.querySelector('.s') }
    },
  ],
  [
    'a tour step',
    () => {
      const s = showTour(
        tour({ steps: [{ id: 'a', title: 'Here', body: 'A long body. '.repeat(90) }] }),
      )
      return { ready: s.handle.ready, box: () => s.shadow.querySelector('.t>.c') }
    },
  ],
] as const)(
  'on a phone, %s scrolled to its end by a finger does not scroll the page behind it',
  async (_, open) => {
    await page.viewport(360, 640)
    el('div', { height: '3000px' })
    const shown = open()
    await shown.ready
    const box = shown.box() as HTMLElement
    await settled(box.closest('.s') as Element)
    expect(box.scrollHeight).toBeGreaterThan(box.clientHeight)
    const r = box.getBoundingClientRect()
    for (let i = 0; i < 3; i++) await swipe(180, r.bottom - 40, 300)
    expect(box.scrollTop + box.clientHeight).toBeGreaterThanOrEqual(box.scrollHeight - 1)
    expect(scrollY).toBe(0)
  },
)

// The bottom of the screen is where a thumb starts a scroll: a prompt with nothing to scroll
// must not make it a dead zone for the page (nor, on a desktop, a wheel over a corner prompt).
test.each([
  [
    'a short sheet',
    async () => {
      const s = show(nps)
      await s.handle.ready
      return s.shadow.querySelector('.s')
    },
  ],
  [
    'a short tour step',
    async () => {
      el('button', { position: 'absolute', top: '500px' }, document.body, 't')
      const s = showTour(tour({ steps: [{ id: 'a', target: '#t', title: 'Hi', body: 'Look.' }] }))
      await s.handle.ready
      return s.tip()
    },
  ],
] as const)('on a phone, a finger on %s still scrolls the page', async (_, open) => {
  await page.viewport(360, 640)
  el('div', { height: '3000px' })
  const box = (await open()) as HTMLElement
  await settled(box)
  const r = box.getBoundingClientRect()
  await swipe(180, r.top + r.height / 2, 100)
  expect(scrollY).toBeGreaterThan(50)
})

// Held sideways (640 × 360, 568 × 320 on a small phone), a tooltip beside a large target has
// 120 to 160 px of height: what does not fit scrolls inside it, and its buttons, the only way on
// or out of the tour, must not be what goes out of sight.
test.each([
  [640, 360],
  [568, 320],
])(
  'on a phone held sideways (%i × %i), a tooltip short of room keeps its buttons in sight',
  async (width, height) => {
    await page.viewport(width, height)
    el(
      'section',
      { position: 'absolute', left: '0', right: '0', top: '60px', height: '200px' },
      document.body,
      't',
    )
    const s = showTour(
      tour({
        steps: [
          {
            id: 'a',
            target: '#t',
            title: 'Your reports',
            body: 'Every report you made, newest first. '.repeat(2),
          },
          { id: 'b', title: 'Done' },
        ],
      }),
    )
    await s.handle.ready
    const tip = s.tip() as HTMLElement
    await until(() => tip.style.top !== '')
    await settled(tip)
    const buttons = s.ui.getAllByRole('button')
    expect(buttons).toHaveLength(2)
    for (const button of buttons) {
      const r = button.getBoundingClientRect()
      // A tap in the middle of the button reaches it.
      expect(s.shadow.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)).toBe(button)
    }
  },
)
