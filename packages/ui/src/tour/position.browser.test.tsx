import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { cdp, page } from 'vitest/browser'
import { box, el, near, until } from './test/layout'
import { closeTours, showTour, tour } from './test/showTour'

beforeEach(() => page.viewport(1024, 768))
afterEach(() => {
  closeTours()
  window.scrollTo(0, 0)
})

const GAP = 12

function oneStep(extra: Record<string, unknown> = {}) {
  return tour({ steps: [{ id: 's', target: '#t', title: 'Here', body: 'Look.', ...extra }] })
}

async function shown(options: Parameters<typeof showTour>[1] = {}, extra = {}) {
  const s = showTour(oneStep(extra), options)
  await s.handle.ready
  const tip = s.tip()
  if (!tip) throw new Error('no tooltip')
  return { ...s, tipEl: tip }
}

describe('positioning with floating-ui', () => {
  test('below the target by default, in the top layer, with an arrow pointing at it', async () => {
    const target = el('button', { margin: '100px 300px' }, document.body, 't')
    const { tipEl, shadow } = await shown()
    await until(() => near(box(tipEl).top, box(target).bottom + GAP))
    expect(tipEl.matches(':popover-open')).toBe(true)
    const arrow = shadow.querySelector('.ar') as HTMLElement
    const mid = (b: ReturnType<typeof box>) => b.left + b.width / 2
    expect(arrow.style.top).toBe('-6px')
    expect(near(mid(box(arrow)), mid(box(target)))).toBe(true)
  })

  // A 200 px high scrolling box whose button target sits `above` px down its content.
  const inScroller = (above: number) => {
    const scroller = el('div', {
      height: '200px',
      width: '300px',
      overflow: 'auto',
      margin: '80px',
    })
    el('div', { height: `${above}px` }, scroller)
    const target = el('button', { display: 'block' }, scroller, 't')
    el('div', { height: '1000px' }, scroller)
    return { scroller, target }
  }

  test('inside a scrolling container: follows on scroll, hidden once scrolled out', async () => {
    const { scroller, target } = inScroller(60)
    const { tipEl } = await shown()
    await until(() => near(box(tipEl).top, box(target).bottom + GAP))
    scroller.scrollTop = 40
    await until(() => near(box(tipEl).top, box(target).bottom + GAP))
    expect(getComputedStyle(tipEl).visibility).toBe('visible')
    scroller.scrollTop = 400
    await until(() => getComputedStyle(tipEl).visibility === 'hidden')
    scroller.scrollTop = 0
    await until(() => getComputedStyle(tipEl).visibility === 'visible')
  })

  test('a target scrolled out of its container, though inside the viewport, is scrolled to', async () => {
    const { scroller, target } = inScroller(400)
    // Its box (top 480) lies inside the 768 px viewport, but the container clips it away.
    expect(box(target).top).toBeLessThan(innerHeight)
    const { tipEl } = await shown()
    await until(() => near(box(tipEl).top, box(target).bottom + GAP))
    expect(box(target).bottom).toBeLessThanOrEqual(box(scroller).bottom)
    expect(getComputedStyle(tipEl).visibility).toBe('visible')
  })

  test('a target in a fixed header: fixed strategy, stays with it on page scroll', async () => {
    const header = el('header', {
      position: 'fixed',
      top: '0',
      left: '0',
      right: '0',
      height: '56px',
    })
    const target = el('button', { margin: '12px 200px' }, header, 't')
    el('div', { height: '3000px' })
    const { tipEl } = await shown()
    await until(() => near(box(tipEl).top, box(target).bottom + GAP))
    expect(tipEl.style.position).toBe('fixed')
    window.scrollTo(0, 900)
    await until(() => window.scrollY === 900)
    await new Promise((resolve) => requestAnimationFrame(resolve))
    expect(near(box(tipEl).top, box(target).bottom + GAP)).toBe(true)
  })

  test('a target in a transformed, overflow:hidden stacking context does not clip it', async () => {
    const trap = el('div', {
      transform: 'translateZ(0)',
      overflow: 'hidden',
      position: 'relative',
      zIndex: '1',
      width: '220px',
      height: '40px',
      margin: '120px',
    })
    const target = el('button', {}, trap, 't')
    // A host overlay with a huge z-index where the tooltip goes: the top layer is above it.
    el('div', {
      position: 'fixed',
      inset: '150px 0 0 0',
      zIndex: '2147483647',
      background: 'rgb(0 0 0 / 0.1)',
    })
    const { tipEl, handle } = await shown()
    await until(() => near(box(tipEl).top, box(target).bottom + GAP))
    const b = box(tipEl)
    const below = box(trap).bottom + 20
    expect(b.bottom).toBeGreaterThan(below + 20)
    // Past the clipping box, and under the host's overlay: the tooltip is still what is hit.
    expect(document.elementFromPoint(b.left + 20, below)).toBe(handle.host)
  })
})

describe('no animation-frame loop', () => {
  test('once placed, an idle tooltip requests no frames', async () => {
    const target = el('button', { margin: '100px 300px' }, document.body, 't')
    const { tipEl } = await shown()
    await until(() => near(box(tipEl).top, box(target).bottom + GAP))
    await Promise.all(tipEl.getAnimations().map((a) => a.finished))
    const real = window.requestAnimationFrame
    let frames = 0
    window.requestAnimationFrame = (callback) => {
      frames += 1
      return real.call(window, callback)
    }
    try {
      await new Promise((resolve) => setTimeout(resolve, 500))
    } finally {
      window.requestAnimationFrame = real
    }
    expect(frames).toBe(0)
  })
})

describe('placement', () => {
  test('logical start/end are mirrored for a right-to-left locale', async () => {
    const target = el('button', { margin: '200px 450px' }, document.body, 't')
    const en = await shown({ locale: 'en' }, { placement: 'start' })
    await until(() => near(box(en.tipEl).right, box(target).left - GAP))
    closeTours()
    document.body.append(target)
    const ar = await shown({ locale: 'ar' }, { placement: 'start' })
    expect(ar.tipEl.getAttribute('dir')).toBe('rtl')
    await until(() => near(box(ar.tipEl).left, box(target).right + GAP))
  })

  test('-start alignment follows the reading direction too', async () => {
    const target = el('button', { margin: '200px 450px', width: '120px' }, document.body, 't')
    const ar = await shown({ locale: 'ar' }, { placement: 'bottom-start' })
    await until(() => near(box(ar.tipEl).right, box(target).right))
    closeTours()
    document.body.append(target)
    const en = await shown({ locale: 'en' }, { placement: 'bottom-start' })
    await until(() => near(box(en.tipEl).left, box(target).left))
  })

  test('flips to the other side when there is no room', async () => {
    const target = el(
      'button',
      { position: 'absolute', bottom: '8px', left: '300px' },
      document.body,
      't',
    )
    const { tipEl } = await shown({}, { placement: 'bottom' })
    await until(() => near(box(tipEl).bottom, box(target).top - GAP))
  })

  test('a 360 px viewport gets a bottom sheet, back to anchored when it widens', async () => {
    const target = el('button', { margin: '100px 40px' }, document.body, 't')
    await page.viewport(360, 720)
    const { tipEl } = await shown()
    await until(() => tipEl.getAttribute('data-pos') === 'sheet')
    await Promise.all(tipEl.getAnimations().map((a) => a.finished))
    const b = box(tipEl)
    expect([b.left, Math.round(b.width), Math.round(b.bottom)]).toEqual([0, 360, innerHeight])
    await page.viewport(1024, 768)
    await until(() => near(box(tipEl).top, box(target).bottom + GAP))
    expect(tipEl.getAttribute('data-pos')).toBe('anchor')
  })

  test.each([
    ['nearly as tall as the window', 700],
    ['taller than the window', 1200],
  ])('a full-width target %s, no side has room: the tooltip stays on screen', async (_, height) => {
    // A step pointing at a whole panel, table or chart: covering part of it beats being off screen.
    el('div', { height: '100px' })
    el('section', { height: `${height}px` }, document.body, 't')
    el('div', { height: '1000px' })
    const { tipEl } = await shown()
    await until(() => tipEl.style.top !== '')
    await new Promise((resolve) => requestAnimationFrame(resolve))
    const b = box(tipEl)
    expect(b.top).toBeGreaterThanOrEqual(0)
    expect(b.bottom).toBeLessThanOrEqual(innerHeight)
  })

  test('a tooltip short of room below shrinks there rather than cover its target', async () => {
    await page.viewport(512, 300)
    el('div', { height: '120px' })
    const target = el('button', { marginLeft: '200px' }, document.body, 't')
    const { tipEl } = await shown({}, { body: 'A long body. '.repeat(40) })
    await until(() => near(box(tipEl).top, box(target).bottom + GAP))
    expect(box(tipEl).bottom).toBeLessThanOrEqual(innerHeight)
  })

  test.each([
    ['in a fixed bottom tab bar', { position: 'fixed', left: '0', right: '0', bottom: '0' }],
    ['low on a page that cannot scroll it higher', { position: 'absolute', top: '600px' }],
  ] as const)(
    'on a phone, a target %s is not covered: the sheet goes to the top',
    async (_, style) => {
      await page.viewport(360, 720)
      const bar = el('nav', { ...style, height: '56px' })
      const target = el('button', {}, bar, 't')
      const { tipEl } = await shown()
      await until(() => tipEl.getAttribute('data-pos') === 'sheet')
      await Promise.all(tipEl.getAnimations().map((a) => a.finished))
      const sheet = box(tipEl)
      expect(Math.round(sheet.top)).toBe(0)
      expect(sheet.bottom).toBeLessThanOrEqual(box(target).top)
      // Back up the screen, the target is clear of the sheet at the bottom again.
      bar.style.top = '100px'
      bar.style.bottom = 'auto'
      await until(() => near(box(tipEl).bottom, innerHeight))
    },
  )

  test('narrowing the window to a bottom sheet reports no error to the page', async () => {
    el('button', { margin: '100px 300px' }, document.body, 't')
    const { tipEl } = await shown(
      {},
      { body: 'A body long enough to wrap on several lines. '.repeat(4) },
    )
    await until(() => tipEl.style.top !== '')
    await Promise.all(tipEl.getAnimations().map((a) => a.finished))
    const errors: string[] = []
    // What a page's error reporting sees: a ResizeObserver loop is reported on window.
    const onError = (event: ErrorEvent) => errors.push(event.message)
    window.addEventListener('error', onError)
    try {
      await page.viewport(360, 720)
      await until(() => tipEl.getAttribute('data-pos') === 'sheet')
      await new Promise((resolve) => setTimeout(resolve, 100))
      await page.viewport(1024, 768)
      await until(() => tipEl.getAttribute('data-pos') === 'anchor')
      await new Promise((resolve) => setTimeout(resolve, 100))
    } finally {
      window.removeEventListener('error', onError)
    }
    expect(errors).toEqual([])
  })
})

describe('reduced motion', () => {
  afterEach(async () => {
    document.documentElement.style.scrollBehavior = ''
    await cdp().send('Emulation.setEmulatedMedia', { features: [] })
  })

  test("on a page that scrolls smoothly, a step's far target is jumped to, not glided to", async () => {
    // `scroll-behavior: smooth` on the page's root (set without a media query, as many sites do)
    // would make the tour's scroll to its target a long glide: motion the user asked not to see.
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-reduced-motion', value: 'reduce' }],
    })
    document.documentElement.style.scrollBehavior = 'smooth'
    el('div', { height: '3000px' })
    el('button', {}, document.body, 't')
    await shown()
    const scrolled = window.scrollY
    await new Promise((resolve) => requestAnimationFrame(resolve))
    expect(scrolled).toBeGreaterThan(2000)
    expect(window.scrollY).toBe(scrolled)
  })
})
