import { afterEach, beforeEach, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import { box, dimmed, el, until } from './test/layout'
import { closeTours, showTour, tour } from './test/showTour'

// What the host page pays while a step is on screen and the page scrolls, a frame at a time.

beforeEach(() => page.viewport(1024, 768))
afterEach(() => {
  closeTours()
  window.scrollTo(0, 0)
})

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))

/** A page taller than the window, with the button #t 200 px down: what a step points at. */
function tallPage(marginLeft = '200px', below = '3000px'): HTMLElement {
  el('div', { height: '200px' })
  const target = el('button', { marginLeft }, document.body, 't')
  el('div', { height: below })
  return target
}

/** The spotlight's path, once it has a hole drawn in it. */
async function drawnPath(shadow: ShadowRoot): Promise<SVGPathElement> {
  const path = shadow.querySelector('.ov path') as SVGPathElement
  await until(() => (path.getAttribute('d') ?? '').split('M').length > 2)
  return path
}

/** What `read` gives at each change of `attribute` of `node` while the page scrolls to each y. */
async function whileScrolling<T>(
  node: Element,
  attribute: string,
  read: () => T,
  ys: number[],
  wait: () => Promise<unknown> = frame,
): Promise<T[]> {
  const seen: T[] = []
  const observer = new MutationObserver(() => seen.push(read()))
  observer.observe(node, { attributes: true, attributeFilter: [attribute] })
  for (const y of ys) {
    window.scrollTo(0, y)
    await wait()
  }
  await frame()
  observer.disconnect()
  return seen
}
const tens = (to: number) => Array.from({ length: to / 10 }, (_, i) => (i + 1) * 10)
const sleep100 = () => new Promise((resolve) => setTimeout(resolve, 100))

// The room below the target changes with every scroll frame. A max-height rewritten from it at
// each one had the browser restyle the tooltip and lay it out again, and floating-ui measure it
// again, on every frame the page scrolled (~7 ms a frame at a phone's 4x slower CPU, on a page
// of 10,000 elements), for a tooltip that fits its room anyway.
test('a tooltip that fits its room is not restyled as the page scrolls', async () => {
  tallPage()
  const s = showTour(tour({ steps: [{ id: 's', target: '#t', title: 'Here', body: 'Look.' }] }))
  await s.handle.ready
  const tip = s.tip() as HTMLElement
  await until(() => tip.style.top !== '')
  await frame()
  const styles = await whileScrolling(tip, 'style', () => tip.getAttribute('style'), tens(100))
  expect(styles).toEqual([])
  expect(getComputedStyle(tip).visibility).toBe('visible')
})

// A scroll moves the target, which floating-ui's layout-shift observer reports once more after
// the frame: the step was placed, and its spotlight drawn and painted, twice for every frame
// the page scrolled, the second time for a target, tooltip and window just as they were.
test('a step is placed once for each frame the page scrolls', async () => {
  tallPage()
  const steps = [{ id: 's', target: '#t', title: 'Here', body: 'Look.', spotlight: true }]
  const s = showTour(tour({ steps }))
  await s.handle.ready
  const drawing = s.shadow.querySelector('.ov svg') as SVGSVGElement
  await drawnPath(s.shadow)
  await sleep100()
  const read = () => drawing.style.transform
  const drawn = await whileScrolling(drawing, 'style', read, tens(50), sleep100)
  expect(drawn.length).toBe(5)
})

// The hole's outline was written again for every frame the target moved, a new path for the
// same hole: Chromium then repainted the whole document at each frame the page scrolled (~35 ms
// a frame at a phone's 4x slower CPU, on a page of 10,000 elements), where the page's own
// scrolling is composited. Moved by a transform, the drawing is only composited again.
test('the spotlight hole moves with its target without its outline being redrawn', async () => {
  const target = tallPage()
  const steps = [{ id: 's', target: '#t', title: 'Here', body: 'Look.', spotlight: true }]
  const s = showTour(tour({ steps }))
  await s.handle.ready
  const path = await drawnPath(s.shadow)
  await frame()
  const drawn = await whileScrolling(path, 'd', () => path.getAttribute('d'), tens(100))
  expect(drawn).toEqual([])
  const t = box(target)
  expect(dimmed(path, t.left + 5, t.top + 5)).toBe(false)
  expect(dimmed(path, t.left - 20, t.top - 20)).toBe(true)
})

// On a phone the step is a sheet and its target is followed even when scrolled out of sight:
// the hole then stays just past the viewport's edge, where the drawing still covers the rest.
test('a spotlight target scrolled far out of sight leaves the whole viewport dimmed', async () => {
  await page.viewport(360, 720)
  tallPage('100px', '6000px')
  const steps = [{ id: 's', target: '#t', title: 'Here', body: 'Look.', spotlight: true }]
  const s = showTour(tour({ steps }))
  await s.handle.ready
  const path = await drawnPath(s.shadow)
  const drawing = s.shadow.querySelector('.ov svg') as SVGSVGElement
  const before = drawing.style.transform
  window.scrollTo(0, 4000)
  await until(() => drawing.style.transform !== before)
  expect([dimmed(path, 4, 4), dimmed(path, innerWidth - 4, innerHeight - 4)]).toEqual([true, true])
})
