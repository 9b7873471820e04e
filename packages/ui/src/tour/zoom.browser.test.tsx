import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import { box, dimmed, el, near, until } from './test/layout'
import { closeTours, showTour, tour } from './test/showTour'

// A page zoomed with CSS `zoom` on its root (a density setting, an embedded dashboard): the
// tooltip and the overlay are measured in viewport pixels, so they must not be zoomed with it.
beforeEach(() => page.viewport(1024, 768))
afterEach(() => {
  closeTours()
  document.documentElement.style.zoom = ''
  document.body.style.transform = ''
  window.scrollTo(0, 0)
})

const GAP = 12
const ZOOMS = ['1', '0.8', '1.5']

async function shown(extra: Record<string, unknown> = {}) {
  const s = showTour(
    tour({ steps: [{ id: 's', target: '#t', title: 'Here', body: 'Look.', ...extra }] }),
  )
  await s.handle.ready
  const tip = s.tip()
  if (!tip) throw new Error('no tooltip')
  return { ...s, tipEl: tip }
}

const mid = (b: ReturnType<typeof box>) => b.left + b.width / 2

describe('on a page with CSS zoom', () => {
  test.each(ZOOMS)('at %s the tooltip sits below its target, centred on it', async (zoom) => {
    document.documentElement.style.zoom = zoom
    const target = el('button', { margin: '100px 300px' }, document.body, 't')
    const { tipEl } = await shown()
    await until(() => near(box(tipEl).top, box(target).bottom + GAP))
    expect(near(mid(box(tipEl)), mid(box(target)))).toBe(true)
  })

  test.each(ZOOMS)('zoomed to %s while a step is open, the tooltip follows', async (zoom) => {
    // A density setting changed in the app as a step points at it.
    const target = el('button', { margin: '100px 300px' }, document.body, 't')
    const { tipEl } = await shown()
    await until(() => near(box(tipEl).top, box(target).bottom + GAP))
    const errors: string[] = []
    const onError = (event: ErrorEvent) => errors.push(event.message)
    window.addEventListener('error', onError)
    document.documentElement.style.zoom = zoom
    await until(
      () =>
        near(box(tipEl).width, 320) &&
        near(box(tipEl).top, box(target).bottom + GAP) &&
        near(mid(box(tipEl)), mid(box(target))),
    )
    window.removeEventListener('error', onError)
    // Re-fitting it must not resize the tooltip inside the ResizeObserver that re-positions it.
    expect(errors).toEqual([])
  })

  test.each(ZOOMS)('at %s, scrolled, the tooltip follows its target', async (zoom) => {
    document.documentElement.style.zoom = zoom
    el('div', { height: '900px' })
    const target = el('button', { marginLeft: '300px' }, document.body, 't')
    el('div', { height: '2000px' })
    window.scrollTo(0, 600)
    const { tipEl } = await shown()
    await until(() => near(box(tipEl).top, box(target).bottom + GAP))
  })

  test.each(ZOOMS)('at %s the spotlight hole is around the target', async (zoom) => {
    document.documentElement.style.zoom = zoom
    const target = el('button', { margin: '100px 300px' }, document.body, 't')
    const { shadow } = await shown({ spotlight: true })
    const path = shadow.querySelector('.ov path') as SVGPathElement
    await until(() => (path.getAttribute('d') ?? '').split('M').length === 3)
    // A point on screen, in the overlay's own drawing units (as the page's zoom scales them).
    const lit = (x: number, y: number) => !dimmed(path, x, y)
    const t = box(target)
    expect(lit(t.left + 3, t.top + 3)).toBe(true)
    expect(lit(t.right - 3, t.bottom - 3)).toBe(true)
    expect(lit(t.left - 20, t.top - 20)).toBe(false)
    expect(lit(t.right + 20, t.bottom + 20)).toBe(false)
  })

  test.each([...ZOOMS, '2', 'scale'])(
    'at %s a hole in a scrolling box lights only the part in sight',
    async (zoom) => {
      // `scale`: the same scaled by a transform on the body instead.
      if (zoom === 'scale') document.body.style.transform = 'scale(0.8)'
      else document.documentElement.style.zoom = zoom
      const scroller = el('div', {
        height: '200px',
        width: '300px',
        overflow: 'auto',
        margin: '80px',
      })
      el('div', { height: '150px' }, scroller)
      // 80 px high, 150 px down a 200 px box: its lower 30 px are scrolled out below.
      const target = el('button', { display: 'block', height: '80px' }, scroller, 't')
      el('div', { height: '1000px' }, scroller)
      const { shadow } = await shown({ spotlight: true })
      const path = shadow.querySelector('.ov path') as SVGPathElement
      await until(() => (path.getAttribute('d') ?? '').split('M').length === 3)
      const lit = (x: number, y: number) => !dimmed(path, x, y)
      // Opening the step scrolled it into sight: scrolled back, it is cut off again.
      scroller.scrollTop = 0
      await until(() => box(target).bottom > box(scroller).bottom + 10)
      await new Promise((resolve) => setTimeout(resolve, 100))
      const t = box(target)
      const s = box(scroller)
      expect([lit(t.left + 5, s.bottom - 5), lit(t.left + 5, s.bottom + 10)]).toEqual([true, false])
    },
  )

  test.each(ZOOMS)('at %s the dimmed overlay covers the whole viewport', async (zoom) => {
    document.documentElement.style.zoom = zoom
    el('button', { margin: '100px 300px' }, document.body, 't')
    const { shadow } = await shown({ spotlight: true })
    const path = shadow.querySelector('.ov path') as SVGPathElement
    await until(() => (path.getAttribute('d') ?? '').split('M').length === 3)
    expect(dimmed(path, innerWidth - 4, innerHeight - 4)).toBe(true)
  })

  test.each(ZOOMS)('at %s a phone gets a sheet across the screen at its bottom', async (zoom) => {
    await page.viewport(360, 720)
    document.documentElement.style.zoom = zoom
    el('button', { margin: '100px 30px' }, document.body, 't')
    const { tipEl } = await shown()
    await until(() => tipEl.getAttribute('data-pos') === 'sheet')
    await until(() => near(box(tipEl).bottom, innerHeight))
    expect(near(box(tipEl).left, 0)).toBe(true)
    expect(near(box(tipEl).width, innerWidth)).toBe(true)
  })

  test('at 0.5 the tooltip keeps readable text and 24 px buttons', async () => {
    document.documentElement.style.zoom = '0.5'
    el('button', { margin: '100px 300px' }, document.body, 't')
    const { tipEl, ui } = await shown()
    await until(() => tipEl.matches(':popover-open'))
    const next = ui.getByRole('button', { name: 'Done' }).getBoundingClientRect()
    expect(next.height).toBeGreaterThanOrEqual(24)
    const title = ui.getByRole('heading', { name: 'Here' })
    expect(title.getBoundingClientRect().height).toBeGreaterThanOrEqual(16)
  })
})
