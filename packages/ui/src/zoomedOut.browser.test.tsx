/// <reference types="@vitest/browser-playwright" />
import { afterEach, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { closeAll, show } from './test/show'
import { nps } from './test/surveys'
import { el, until } from './tour/test/layout'
import { closeTours, showTour, tour } from './tour/test/showTour'

// A page without `<meta name="viewport">` on a 360 px phone: the browser lays it out 980 px
// wide and shows it at 360/980, which the visual viewport reports as its scale. Desktop Chromium
// does not do that, so a stand-in visual viewport reports it the way a phone's browser does.
const SCALE = 360 / 980
const real = Object.getOwnPropertyDescriptor(window, 'visualViewport')

async function zoomedOutPhone() {
  await page.viewport(980, 1742)
  const viewport = Object.assign(new EventTarget(), {
    scale: SCALE,
    width: 980,
    height: 1742,
    offsetLeft: 0,
    offsetTop: 0,
  })
  Object.defineProperty(window, 'visualViewport', { configurable: true, value: viewport })
  return {
    /** The on-screen keyboard covers `px` of the layout's bottom. */
    keyboard(px: number) {
      viewport.height = 1742 - px
      viewport.dispatchEvent(new Event('resize'))
    },
  }
}

afterEach(async () => {
  if (real) Object.defineProperty(window, 'visualViewport', real)
  closeAll()
  closeTours()
  await page.viewport(1024, 768)
})

// On the phone's screen, in the px a reader sees.
function onScreen(part: Element) {
  const r = part.getBoundingClientRect()
  return { width: r.width * SCALE, height: r.height * SCALE, left: r.left, bottom: r.bottom }
}

test('on a phone, a page laid out wider than the screen shows the prompt at its own size', async () => {
  await zoomedOutPhone()
  const { handle, shadow, ui } = show(nps)
  await handle.ready
  const sheet = shadow.querySelector('.s') as HTMLElement
  await Promise.all(sheet.getAnimations().map((animation) => animation.finished))
  // A sheet across the bottom of the screen, as on a page made for phones.
  const s = onScreen(sheet)
  expect([Math.round(s.left), Math.round(s.width), Math.round(s.bottom)]).toEqual([0, 360, 1742])
  for (const point of ui.getAllByRole('radio')) {
    expect(onScreen(point).height).toBeGreaterThanOrEqual(39)
    expect(onScreen(point).width).toBeGreaterThanOrEqual(22)
  }
  // The question's text, 16 px as a phone shows it.
  const q = shadow.querySelector('.q') as HTMLElement
  const drawn =
    Number.parseFloat(getComputedStyle(q).fontSize) *
    (q.getBoundingClientRect().height / q.offsetHeight)
  expect(Math.round(drawn * SCALE)).toBe(16)
})

test('on a phone, a page laid out wider than the screen shows a tour step at its own size', async () => {
  await zoomedOutPhone()
  el('button', { position: 'absolute', top: '300px', left: '100px' }, document.body, 't')
  const s = showTour(
    tour({
      steps: [
        { id: 'a', target: '#t', title: 'Here', body: 'Look.' },
        { id: 'b', title: 'Done' },
      ],
    }),
  )
  await s.handle.ready
  const tip = s.tip() as HTMLElement
  await until(() => tip.getAttribute('data-pos') === 'sheet')
  await Promise.all(tip.getAnimations().map((animation) => animation.finished))
  const sheet = onScreen(tip)
  expect([Math.round(sheet.left), Math.round(sheet.width), Math.round(sheet.bottom)]).toEqual([
    0, 360, 1742,
  ])
  for (const button of s.ui.getAllByRole('button'))
    expect(onScreen(button).height).toBeGreaterThanOrEqual(35)
})

test('on such a page, the follow-up field stays in sight above the keyboard', async () => {
  const phone = await zoomedOutPhone()
  const { handle, shadow, ui } = show(nps)
  await handle.ready
  await userEvent.click(ui.getByRole('radio', { name: /^3/ }))
  const field = await ui.findByRole('textbox')
  // 300 px of the phone's screen: 817 px of the page's layout.
  phone.keyboard(817)
  const sheet = shadow.querySelector('.s') as HTMLElement
  await expect.poll(() => Math.round(sheet.getBoundingClientRect().bottom)).toBe(1742 - 817)
  const r = field.getBoundingClientRect()
  const b = sheet.getBoundingClientRect()
  expect(b.top).toBeGreaterThanOrEqual(0)
  expect([r.top >= b.top, r.bottom <= b.bottom]).toEqual([true, true])
})

test('on such a page, a centred prompt is centred at its own size too', async () => {
  await zoomedOutPhone()
  const { handle, shadow, ui } = show(nps, { position: 'center' })
  await handle.ready
  const dialog = shadow.querySelector('dialog') as HTMLElement
  await Promise.all(dialog.getAnimations().map((animation) => animation.finished))
  const r = dialog.getBoundingClientRect()
  // 8 px of the screen on each side, as on a page made for phones.
  expect(Math.round(r.left * SCALE)).toBe(8)
  expect(Math.round((980 - r.right) * SCALE)).toBe(8)
  expect(Math.abs(r.top - (1742 - r.bottom))).toBeLessThanOrEqual(2)
  expect(onScreen(ui.getAllByRole('radio')[0] as Element).height).toBeGreaterThanOrEqual(39)
})
