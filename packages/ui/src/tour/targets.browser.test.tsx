import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { box, dimmed, el, near, until } from './test/layout'
import { closeTours, showTour, tour } from './test/showTour'

beforeEach(() => page.viewport(1024, 768))
afterEach(closeTours)

const GAP = 12
const steps = tour({
  steps: [
    { id: 'a', target: '#t', title: 'First' },
    { id: 'b', target: '#u', title: 'Second' },
  ],
})

const spotlit = tour({ steps: [{ id: 'a', target: '#t', title: 'Look', spotlight: true }] })

/** The one-step spotlight tour on #t, shown, once the hole is cut: the overlay's path too. */
async function spotlight(options?: Parameters<typeof showTour>[1]) {
  const shown = showTour(spotlit, options)
  await shown.handle.ready
  const path = shown.shadow.querySelector('.ov path') as SVGPathElement
  await until(() => (path.getAttribute('d') ?? '').split('M').length === 3)
  return { ...shown, path }
}

function placedBelow(tip: HTMLElement, target: Element): boolean {
  return near(box(tip).top, box(target).bottom + GAP)
}

describe('targets in a real page', () => {
  test('a target that appears 2 s late is waited for, then anchored', async () => {
    const started = performance.now()
    const { handle, tip, shown } = showTour(steps)
    let target: HTMLElement | null = null
    setTimeout(() => {
      target = el('button', { margin: '150px 400px' }, document.body, 't')
    }, 2000)
    await handle.ready
    expect(performance.now() - started).toBeGreaterThanOrEqual(1990)
    expect(shown).toEqual([{ stepId: 'a', index: 0 }])
    const t = target as unknown as HTMLElement
    await until(() => placedBelow(tip() as HTMLElement, t))
  })

  test('a target re-rendered by the app (a new node elsewhere) is followed', async () => {
    const first = el('button', { margin: '100px 200px' }, document.body, 't')
    const { handle, tip, shown } = showTour(steps)
    await handle.ready
    const dialog = tip() as HTMLElement
    await until(() => placedBelow(dialog, first))
    // What a framework does on re-render: the old node goes, a new one comes, somewhere else.
    const second = document.createElement('button')
    second.id = 't'
    second.textContent = 'rerendered'
    Object.assign(second.style, { margin: '300px 500px' })
    first.replaceWith(second)
    await until(() => placedBelow(dialog, second))
    expect(tip()).toBe(dialog)
    expect(shown).toHaveLength(1)
  })

  test('a removed target pauses the step; when it returns the step resumes', async () => {
    const target = el('button', { margin: '100px 200px' }, document.body, 't')
    const { handle, tip, dismissed, shown } = showTour(steps)
    await handle.ready
    await until(() => placedBelow(tip() as HTMLElement, target))
    // A route change away: the element leaves, the tooltip must not stay at a stale spot.
    target.remove()
    await until(() => tip() === null)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(dismissed).toEqual([])
    document.body.append(target)
    await until(() => tip() !== null)
    await until(() => placedBelow(tip() as HTMLElement, target))
    expect(shown).toHaveLength(1)
  })

  test('of two elements matching the selector, the one on screen is the target', async () => {
    // A responsive app: the mobile menu's copy comes first in the DOM, hidden on a wide screen.
    const hidden = el('button', { display: 'none' })
    hidden.dataset.tour = 'export'
    const shown = el('button', { margin: '100px 200px' })
    shown.dataset.tour = 'export'
    const { handle, tip } = showTour(
      tour({ steps: [{ id: 'a', target: '[data-tour=export]', title: 'Export' }] }),
    )
    await handle.ready
    await until(() => placedBelow(tip() as HTMLElement, shown))
    expect(getComputedStyle(tip() as HTMLElement).visibility).toBe('visible')
  })

  test('a copy on screen rendered after a hidden one is the target', async () => {
    // The hidden mobile-menu copy is there first; the toolbar's copy comes a moment later.
    const hidden = el('button', { display: 'none' })
    hidden.dataset.tour = 'export'
    const { handle, tip } = showTour(
      tour({ steps: [{ id: 'a', target: '[data-tour=export]', title: 'Export' }] }),
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    const shown = el('button', { margin: '100px 200px' })
    shown.dataset.tour = 'export'
    await handle.ready
    await until(() => placedBelow(tip() as HTMLElement, shown))
  })

  // A hidden target is as good as a missing one: nobody sees the step, and a step nobody sees
  // must not hold the screen (no survey can show meanwhile) nor take the page's Escape.
  test('a target in the page but hidden is waited for: shown once it renders', async () => {
    const target = el('button', { display: 'none', margin: '100px 200px' }, document.body, 't')
    const { handle, tip, shown } = showTour(steps)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(shown).toEqual([])
    expect(tip()).toBeNull()
    target.style.display = 'block'
    await handle.ready
    await until(() => placedBelow(tip() as HTMLElement, target))
    expect(shown).toEqual([{ stepId: 'a', index: 0 }])
  })

  // A live dashboard or a feed re-renders on every socket message: a batch of DOM changes per
  // task, hundreds a frame. Looking for the target (a query of the whole page, and a layout to
  // tell whether its hidden copy renders) after each of them would force a layout per message.
  test('a page changing its DOM in 300 tasks a frame: the waiting step looks once a frame', async () => {
    el('button', { display: 'none' }, document.body, 't')
    const rows = el('ul', {})
    const { shown } = showTour(steps)
    const query = Document.prototype.querySelectorAll
    let looks = 0
    Document.prototype.querySelectorAll = function (this: Document, selectors: string) {
      if (selectors === '#t') looks++
      return query.call(this, selectors)
    } as typeof query
    let frames = 0
    const count = () => {
      frames++
      if (looking) requestAnimationFrame(count)
    }
    let looking = true
    requestAnimationFrame(count)
    try {
      const channel = new MessageChannel()
      for (let i = 0; i < 300; i++) {
        await new Promise((resolve) => {
          channel.port1.onmessage = resolve
          channel.port2.postMessage(i)
        })
        rows.append(document.createElement('li'))
      }
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
    } finally {
      looking = false
      Document.prototype.querySelectorAll = query
    }
    expect(shown).toEqual([])
    expect(looks).toBeLessThanOrEqual(frames + 2)
  })

  test('a target that stays hidden ends the tour as missing once the wait is over', async () => {
    el('button', { display: 'none' }, document.body, 't')
    const { shown, dismissed } = showTour({
      ...steps,
      missingTarget: { policy: 'wait', timeoutMs: 300 },
    })
    await until(() => dismissed.length > 0)
    expect({ shown, dismissed }).toEqual({
      shown: [],
      dismissed: [{ stepId: 'a', index: 0, reason: 'missing_target' }],
    })
  })

  test('a target hidden in place pauses the step; shown again, the step resumes', async () => {
    const target = el('button', { margin: '100px 200px' }, document.body, 't')
    const { handle, tip, dismissed, shown } = showTour(steps)
    await handle.ready
    await until(() => placedBelow(tip() as HTMLElement, target))
    target.style.display = 'none'
    await until(() => tip() === null)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(dismissed).toEqual([])
    target.style.display = ''
    await until(() => tip() !== null && placedBelow(tip() as HTMLElement, target))
    expect(shown).toHaveLength(1)
  })

  test('a target coming on screen, or back, shows its step without an error in the page', async () => {
    const target = el('button', { display: 'none', margin: '100px 200px' }, document.body, 't')
    const errors: string[] = []
    // What a page's error reporting sees: a ResizeObserver loop is reported on window.
    const onError = (event: ErrorEvent) => errors.push(event.message)
    window.addEventListener('error', onError)
    try {
      const { handle, tip } = showTour(spotlit)
      target.style.display = ''
      await handle.ready
      await until(() => placedBelow(tip() as HTMLElement, target))
      target.style.display = 'none'
      await until(() => tip() === null)
      target.style.display = ''
      await until(() => tip() !== null && placedBelow(tip() as HTMLElement, target))
      await new Promise((resolve) => setTimeout(resolve, 100))
    } finally {
      window.removeEventListener('error', onError)
    }
    expect(errors).toEqual([])
  })

  test('the spotlight hole is around the target; the rest of the viewport is dimmed', async () => {
    const target = el('button', { margin: '100px 200px' }, document.body, 't')
    const { shadow, path } = await spotlight()
    const t = box(target)
    // Inside the hole the page shows through; just outside it, the overlay is hit.
    const overlay = shadow.querySelector('.ov') as HTMLElement
    expect(overlay.matches(':popover-open')).toBe(true)
    expect(dimmed(path, t.left + 5, t.top + 5)).toBe(false)
    expect(dimmed(path, t.left - 20, t.top - 20)).toBe(true)
  })

  test('a target half scrolled out of its container: the hole lights only the part in sight', async () => {
    const scroller = el('div', {
      height: '200px',
      width: '300px',
      overflow: 'auto',
      margin: '80px',
    })
    el('div', { height: '60px' }, scroller)
    const target = el('button', { display: 'block', height: '80px' }, scroller, 't')
    el('div', { height: '1000px' }, scroller)
    const { path } = await spotlight()
    scroller.scrollTop = 100
    await until(() => box(target).top < box(scroller).top)
    await new Promise((resolve) => setTimeout(resolve, 100))
    const t = box(target)
    const s = box(scroller)
    const fill = (y: number) => dimmed(path, t.left + 5, y)
    // Inside the container the target shows; above it, over the page, it is dimmed.
    expect([fill(s.top + 5), fill(s.top - 10)]).toEqual([false, true])
  })

  test.each([
    ['a round avatar', { width: '48px', height: '48px', borderRadius: '50%' }],
    ['a pill button', { width: '120px', height: '32px', borderRadius: '999px' }],
  ])('the hole follows the rounding of %s', async (_, style) => {
    const target = el(
      'button',
      { margin: '100px 200px', border: '0', ...style },
      document.body,
      't',
    )
    const { path } = await spotlight()
    const t = box(target)
    const fill = (x: number, y: number) => dimmed(path, x, y)
    // Along its edges the page shows through; just outside its box's corners, which the rounded
    // target does not reach, the page is dimmed.
    expect([
      fill(t.left + t.width / 2, t.top + 1),
      fill(t.left + 1, (t.top + t.bottom) / 2),
    ]).toEqual([false, false])
    expect([fill(t.left - 1, t.top - 1), fill(t.right + 1, t.bottom + 1)]).toEqual([true, true])
  })

  test('a function target inside a same-origin iframe: the hole is around it too', async () => {
    // An embedded editor or a legacy screen in an <iframe>: the JS API finds the element in it.
    const frame = el('iframe', {
      position: 'absolute',
      left: '200px',
      top: '150px',
      width: '500px',
      height: '300px',
      border: '4px solid',
    }) as HTMLIFrameElement
    await new Promise((resolve) => {
      frame.onload = resolve
      frame.srcdoc = '<body style="margin:0"><button id="t" style="margin:50px 100px">Go</button>'
    })
    const target = frame.contentDocument?.getElementById('t') as HTMLElement
    const { tip, path } = await spotlight({ resolveTarget: () => target })
    const f = box(frame)
    const t = box(target)
    const [left, top, bottom] = [f.left + 4 + t.left, f.top + 4 + t.top, f.top + 4 + t.bottom]
    // The tooltip is anchored below it, in the page's coordinates; the hole must be there too.
    await until(() => near(box(tip() as HTMLElement).top, bottom + GAP))
    expect(dimmed(path, left + 5, top + 5)).toBe(false)
    expect(dimmed(path, left - 20, top - 20)).toBe(true)
  })

  test('modal step: a click in the hole does nothing, on the dimmed area dismisses', async () => {
    const target = el('button', { margin: '100px 200px' }, document.body, 't')
    const { dismissed } = await spotlight()
    // force: the page is inert under the modal, so Playwright's own hit check would refuse.
    await userEvent.click(target, { force: true })
    expect(dismissed).toEqual([])
    await userEvent.click(document.body, { force: true, position: { x: 900, y: 600 } })
    expect(dismissed).toEqual([{ stepId: 'a', index: 0, reason: 'overlay' }])
  })
})
