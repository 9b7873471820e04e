import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { cdp, page, userEvent } from 'vitest/browser'
import { screenshotPixels } from '../test/screenshotPixels'
import { settled } from '../test/sweep'
import { el, until } from './test/layout'
import { closeTours, showTour, tour } from './test/showTour'

beforeEach(() => page.viewport(1024, 768))
afterEach(closeTours)

const mixed = tour({
  steps: [
    { id: 'spot', target: '#t', title: 'Create a report', body: 'Start here.', spotlight: true },
    { id: 'plain', target: '#u', title: 'Export', body: 'Download as CSV.' },
    { id: 'click', target: '#u', title: 'Try it', spotlight: true, advanceOn: { click: true } },
    { id: 'end', title: 'All set', body: 'That is all.' },
  ],
})

function hostPage() {
  const main = el('main', { padding: '40px', position: 'relative', zIndex: '3' })
  const input = el('input', {}, main) as HTMLInputElement
  input.setAttribute('aria-label', 'Search')
  const target = el('button', { marginInlineStart: '200px' }, main, 't')
  const other = el('button', { margin: '120px 300px' }, main, 'u')
  return { main, input, target, other }
}

describe('focus', () => {
  test('a spotlight step is modal: focus moves in once, back to the page at the end', async () => {
    const { input } = hostPage()
    input.focus()
    const { handle, shadow, tip, dismissed } = showTour(mixed)
    await handle.ready
    const dialog = tip() as HTMLElement
    expect(dialog.matches('dialog:modal')).toBe(true)
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(shadow.activeElement?.textContent).toBe('Next')
    // The page behind is inert (the dialog's backdrop covers it): a pointer cannot reach it.
    const r = input.getBoundingClientRect()
    expect(document.elementFromPoint(r.left + 5, r.top + 5)).toBe(handle.host)
    expect(document.activeElement).toBe(handle.host)
    // Repositioning (resize, scroll) never moves focus again.
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
    expect(shadow.activeElement?.textContent).toBe('Skip tour')
    await page.viewport(1000, 700)
    window.dispatchEvent(new Event('scroll'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(shadow.activeElement?.textContent).toBe('Skip tour')
    await userEvent.keyboard('{Escape}')
    expect(dismissed.map((d) => d.reason)).toEqual(['esc'])
    expect(document.activeElement).toBe(input)
  })

  test('Next to a step whose target never comes: focus still goes back to the page', async () => {
    const { input } = hostPage()
    input.focus()
    const gone = tour({
      missingTarget: { policy: 'wait', timeoutMs: 300 },
      steps: [
        { id: 'spot', target: '#t', title: 'Create a report', spotlight: true },
        { id: 'later', target: '#nowhere', title: 'Not here' },
      ],
    })
    const { handle, shadow, dismissed } = showTour(gone)
    await handle.ready
    expect(shadow.activeElement?.textContent).toBe('Next')
    await userEvent.keyboard('{Enter}')
    await until(() => dismissed.length > 0)
    expect(dismissed.map((d) => d.reason)).toEqual(['missing_target'])
    expect(document.activeElement).toBe(input)
  })

  test('a plain tooltip does not steal focus: typing goes on in the host input', async () => {
    const { input } = hostPage()
    await userEvent.click(input)
    const { handle, tip } = showTour(mixed, { startAt: 1 })
    await handle.ready
    expect(tip()?.matches(':popover-open')).toBe(true)
    expect(document.activeElement).toBe(input)
    await userEvent.keyboard('reports')
    expect(input.value).toBe('reports')
    expect(document.activeElement).toBe(input)
  })

  test('a plain tooltip is the next Tab stop from where focus is, not after the whole page', async () => {
    // Its host is last in <body>: without that, a keyboard user reached Skip tour and Next only
    // after every link and field of the page.
    const { input, target } = hostPage()
    input.focus()
    const { handle, shadow } = showTour(mixed, { startAt: 1 })
    await handle.ready
    expect(document.activeElement).toBe(input)
    await userEvent.tab()
    expect(shadow.activeElement?.textContent).toBe('Skip tour')
    await userEvent.tab()
    await userEvent.tab()
    expect(shadow.activeElement?.textContent).toBe('Next')
    await userEvent.tab()
    expect(document.activeElement).toBe(target)
    await userEvent.tab({ shift: true })
    await userEvent.tab({ shift: true })
    await userEvent.tab({ shift: true })
    await userEvent.tab({ shift: true })
    expect(document.activeElement).toBe(input)
  })

  test('keyboard only: Enter on Next moves on and keeps focus in the tour to the end', async () => {
    const { input, other } = hostPage()
    input.focus()
    const { handle, shadow, completed } = showTour(mixed)
    await handle.ready
    await userEvent.keyboard('{Enter}')
    await until(() => shadow.activeElement?.textContent === 'Next')
    expect(shadow.querySelector('.t h2')?.textContent).toBe('Export')
    await userEvent.keyboard('{Enter}')
    // A click-to-advance step reached from Next: focus goes to its target, the action asked for
    // (not to the tooltip, at the end of the page's Tab order), and the step is the next Tab stop.
    await until(() => shadow.querySelector('.t h2')?.textContent === 'Try it')
    await until(() => document.activeElement === other)
    await userEvent.tab()
    expect(shadow.activeElement?.textContent).toBe('Skip tour')
    await userEvent.tab({ shift: true })
    expect(document.activeElement).toBe(other)
    await userEvent.keyboard('{Enter}')
    await until(() => shadow.querySelector('.t h2')?.textContent === 'All set')
    // The user was in the page: the last step did not pull focus away from it.
    expect(document.activeElement).toBe(other)
    ;(shadow.querySelector('.b:not(.alt)') as HTMLElement).focus()
    await userEvent.keyboard('{Enter}')
    expect(completed).toHaveLength(1)
  })
})

describe('the host page is left alone', () => {
  test('no attribute, style or z-index of host elements changes, on any step kind', async () => {
    const { main, target, other } = hostPage()
    const snapshot = () => ({
      html: document.body.innerHTML.replace(/<sonde-root[^>]*><\/sonde-root>/, ''),
      z: [main, target, other, document.body].map((node) => getComputedStyle(node).zIndex),
      inert: [main, target, other].map((node) => node.inert),
    })
    const before = snapshot()
    const { handle, ui } = showTour(mixed)
    await handle.ready
    expect(snapshot()).toEqual(before)
    await userEvent.click(ui.getByRole('button', { name: 'Next' }))
    expect(snapshot()).toEqual(before)
    await userEvent.click(ui.getByRole('button', { name: 'Next' }))
    await until(() => ui.queryByRole('dialog', { name: 'Try it' }) !== null)
    expect(snapshot()).toEqual(before)
    // The spotlight's hole lets this click through to the target, which advances the tour.
    await userEvent.click(other)
    await until(() => ui.queryByRole('dialog', { name: 'All set' }) !== null)
    expect(snapshot()).toEqual(before)
    await userEvent.click(ui.getByRole('button', { name: 'Done' }))
    expect(snapshot()).toEqual(before)
    expect(document.querySelector('sonde-root')).toBeNull()
  })
})

// axe-core over every step kind, theme, direction and width: a11y-sweep.browser.test.tsx.

describe('motion', () => {
  test('with reduced motion the tooltip does not animate in', async () => {
    hostPage()
    const query = matchMedia('(prefers-reduced-motion: reduce)')
    const { handle, tip } = showTour(mixed, { startAt: 1 })
    await handle.ready
    const animated = (tip()?.getAnimations().length ?? 0) > 0
    expect(animated).toBe(!query.matches)
  })
})

describe('forced colors', () => {
  afterEach(() => cdp().send('Emulation.setEmulatedMedia', { features: [] }))

  test('in a dark high-contrast theme, the spotlight still marks out its target', async () => {
    // Forced colors paint the page black: dimming it with black shows nothing, so the only sign
    // of which element a spotlight step is about would be gone.
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [
        { name: 'forced-colors', value: 'active' },
        { name: 'prefers-color-scheme', value: 'dark' },
      ],
    })
    const main = el('main', { padding: '120px 300px' })
    const target = el('button', {}, main, 't')
    const lit = tour({ steps: [{ id: 'spot', target: '#t', title: 'Here', spotlight: true }] })
    const { handle, shadow } = showTour(lit)
    await handle.ready
    await settled(shadow)
    const pixels = await screenshotPixels(main)
    const origin = main.getBoundingClientRect()
    const t = target.getBoundingClientRect()
    // The screenshot may be scaled (the test iframe fitted to the runner's window).
    const scale = pixels.width / origin.width
    // Along the row through the target's middle, from 40 px left of it up to its own border.
    const y = Math.round((t.top + t.height / 2 - origin.top) * scale)
    const at = (x: number) => {
      const i = (y * pixels.width + Math.round((x - origin.left) * scale)) * 4
      return pixels.data.slice(i, i + 3).join()
    }
    const row = Array.from({ length: 36 }, (_, i) => at(t.left - 40 + i))
    expect(row.filter((pixel) => pixel !== row[0])).not.toEqual([])
  })

  test.each(['light', 'dark'])(
    'in a %s high-contrast theme, an anchored step still points at its target',
    async (scheme) => {
      // Forced colors paint the arrow, a square of the tooltip's background, in Canvas: on the
      // page's own Canvas it vanished, and covered the tooltip's border where it sat.
      await cdp().send('Emulation.setEmulatedMedia', {
        features: [
          { name: 'forced-colors', value: 'active' },
          { name: 'prefers-color-scheme', value: scheme },
        ],
      })
      const main = el('main', { padding: '60px 300px 300px' })
      el('button', {}, main, 't')
      const plain = tour({ steps: [{ id: 'plain', target: '#t', title: 'Here', body: 'Look.' }] })
      const { handle, shadow, tip } = showTour(plain)
      await handle.ready
      await settled(shadow)
      const box = (tip() as HTMLElement).getBoundingClientRect()
      const arrow = (shadow.querySelector('.ar') as HTMLElement).getBoundingClientRect()
      expect(arrow.top).toBeLessThan(box.top) // above the tooltip, which is below its target
      const pixels = await screenshotPixels(main)
      const origin = main.getBoundingClientRect()
      const scale = pixels.width / origin.width
      const at = (x: number, y: number) => {
        const i =
          (Math.round((y - origin.top) * scale) * pixels.width +
            Math.round((x - origin.left) * scale)) *
          4
        return pixels.data.slice(i, i + 3).join()
      }
      // The part of the arrow outside the tooltip, row by row, against the page around it.
      const ground = at(arrow.left - 8, arrow.top)
      const drawn: string[] = []
      for (let y = Math.ceil(arrow.top); y < box.top - 1; y++) {
        for (let x = Math.ceil(arrow.left); x < arrow.right; x++) {
          if (at(x, y) !== ground) drawn.push(`${x},${y}`)
        }
      }
      expect(drawn.length).toBeGreaterThan(4)
    },
  )

  test('in a high-contrast theme, a step too long for its room keeps the edge along its foot', async () => {
    // Its content, which scrolls, was as tall as the whole tooltip and ran over its border.
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'forced-colors', value: 'active' }],
    })
    await page.viewport(600, 400)
    const main = el('main', { position: 'fixed', inset: '0', padding: '180px 280px' })
    el('button', {}, main, 't')
    const body = 'Pick the columns, the filters and the period, then save it. '.repeat(3)
    const long = tour({ steps: [{ id: 'long', target: '#t', title: 'Here', body }] })
    const { handle, shadow, tip } = showTour(long)
    await handle.ready
    await settled(shadow)
    const box = (tip() as HTMLElement).getBoundingClientRect()
    expect(box.bottom).toBeLessThanOrEqual(innerHeight)
    const pixels = await screenshotPixels(main)
    const origin = main.getBoundingClientRect()
    const scale = pixels.width / origin.width
    const at = (x: number, y: number) => {
      const i =
        (Math.floor((y - origin.top) * scale) * pixels.width +
          Math.round((x - origin.left) * scale)) *
        4
      return pixels.data.slice(i, i + 3).join()
    }
    // Down the middle of the tooltip, past its foot: its edge, then the page.
    const x = box.left + box.width / 2
    const edge = at(x, box.bottom - 0.5)
    expect(edge).not.toBe(at(x, box.bottom + 2))
    expect(edge).toBe(at(box.left + 0.5, box.top + box.height / 2))
  })
})
