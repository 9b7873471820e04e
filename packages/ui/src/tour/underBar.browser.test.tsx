import { afterEach, beforeEach, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import { box, el, until } from './test/layout'
import { closeTours, showTour, tour } from './test/showTour'

beforeEach(() => page.viewport(1024, 768))
afterEach(() => {
  closeTours()
  window.scrollTo(0, 0)
  document.body.replaceChildren()
})

// A page with an 80 px sticky header, scrolled so that the step's button sits under it (top
// 20 px): inside the viewport, but covered by the page's own bar.
function underHeader() {
  el('header', { position: 'sticky', top: '0', height: '80px', background: '#333', zIndex: '10' })
  el('div', { height: '1500px' })
  const target = el('button', { display: 'block', height: '30px' }, document.body, 't')
  el('div', { height: '1500px' })
  window.scrollTo(0, target.offsetTop - 20)
  return target
}

const uncovered = (target: Element) => {
  const { left, top, width } = box(target)
  return document.elementFromPoint(left + width / 2, top + 15) === target
}

test.each([
  ['a plain step', {}],
  ['a spotlight step', { spotlight: true }],
])(
  '%s on a target under a sticky header scrolls it out from under the header',
  async (_, extra) => {
    const target = underHeader()
    expect(uncovered(target)).toBe(false)
    const { handle } = showTour(
      tour({ steps: [{ id: 's', target: '#t', title: 'Here', ...extra }] }),
    )
    await handle.ready
    await until(() => box(target).top >= 80)
    expect(box(target).bottom).toBeLessThanOrEqual(innerHeight)
  },
)

test('a target in sight, beside a sticky header, is not scrolled', async () => {
  const target = underHeader()
  window.scrollTo(0, target.offsetTop - 300)
  const before = scrollY
  const { handle } = showTour(tour({ steps: [{ id: 's', target: '#t', title: 'Here' }] }))
  await handle.ready
  await new Promise((resolve) => requestAnimationFrame(resolve))
  expect(scrollY).toBe(before)
})
