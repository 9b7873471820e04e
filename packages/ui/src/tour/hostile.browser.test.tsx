import { afterEach, beforeEach, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { addTarget, closeTours, showTour, tour } from './test/showTour'

// The prompt's twin (mount/hostile.browser.test.tsx) for a tour step: a host stylesheet that
// resets everything, shrinks the root font and transforms <body> must not restyle the tooltip
// nor the spotlight, and the step can still be used.
beforeEach(() => page.viewport(1024, 768))
afterEach(closeTours)

const HOSTILE = `* { all: unset !important }
div, button { display: none !important }
html { font-size: 10px }
body { transform: scale(1.2); overflow: hidden; zoom: 1 }`

const steps = tour({
  steps: [
    { id: 'a', target: '#export', title: 'Export', body: 'Download as CSV.', spotlight: true },
    { id: 'b', title: 'Done here' },
  ],
})

// Sizes and styles of the tooltip's parts (where it sits follows the target, which the page's
// stylesheet may well move).
function measure(shadow: ShadowRoot) {
  const parts = [...shadow.querySelectorAll<HTMLElement>('.t, .t h2, .t p, .t button')]
  return parts.map((el) => {
    const box = el.getBoundingClientRect()
    const css = getComputedStyle(el)
    return {
      size: [box.width, box.height].map(Math.round),
      font: `${css.fontSize} ${css.fontWeight} ${css.fontFamily}`,
      colors: `${css.color} ${css.backgroundColor}`,
      display: css.display,
    }
  })
}

async function stepOn(): Promise<ReturnType<typeof showTour>> {
  addTarget('export', document.body, 'span')
  const shown = showTour(steps)
  await shown.handle.ready
  const tip = shown.tip()
  if (!tip) throw new Error('no tooltip')
  await Promise.all(tip.getAnimations().map((a) => a.finished))
  return shown
}

test('a hostile host stylesheet neither hides nor changes a tour step, which can still be used', async () => {
  const clean = await stepOn()
  const before = measure(clean.shadow)
  expect(before.length).toBeGreaterThan(3)
  closeTours()

  const style = document.createElement('style')
  style.textContent = HOSTILE
  document.head.append(style)
  try {
    const hostile = await stepOn()
    const tip = hostile.tip() as HTMLElement
    // A spotlight step's tooltip is a modal dialog in the top layer, above its overlay.
    expect(tip.matches(':modal')).toBe(true)
    expect(measure(hostile.shadow)).toEqual(before)
    expect(hostile.shadow.querySelector('.ov')?.matches(':popover-open')).toBe(true)
    const next = hostile.ui.getByRole('button', { name: 'Next' })
    const box = next.getBoundingClientRect()
    expect(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)).toBe(
      hostile.handle.host,
    )
    await userEvent.click(next)
    expect(hostile.stepped).toHaveLength(1)
  } finally {
    style.remove()
  }
})
