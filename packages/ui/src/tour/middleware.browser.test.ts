import * as floating from '@floating-ui/dom'
import { computePosition, type Middleware, type Placement } from '@floating-ui/dom'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { page } from 'vitest/browser'
import { arrow, flip, hide, inView, offset, shift, size } from './middleware'
import { el } from './test/layout'

// Sonde's middleware stand in for floating-ui's own with Sonde's options (middleware.ts): on the
// same layout, both lists must place, size and point the tooltip the same, and hide it alike.

beforeEach(() => page.viewport(1024, 768))
afterEach(() => {
  document.body.replaceChildren()
  window.scrollTo(0, 0)
})

const PADDING = { top: 8, right: 8, bottom: 8, left: 8 }
const PLACEMENTS = ['top', 'right', 'bottom', 'left'].flatMap((side) =>
  ['', '-start', '-end'].map((end) => `${side}${end}` as Placement),
)

// The tooltip's max sizes, written as place.ts writes them.
const fit = (tip: HTMLElement) => (width: number, height: number) => {
  Object.assign(tip.style, { maxWidth: `${Math.max(160, width)}px`, maxHeight: `${height}px` })
}

function ours(tip: HTMLElement, tipArrow: HTMLElement): Middleware[] {
  const padding = () => PADDING
  return [offset, flip(padding), shift(padding), size(padding, fit(tip)), inView(padding)]
    .concat(arrow(tipArrow, 12))
    .concat(hide)
}

function floatingUi(tip: HTMLElement, tipArrow: HTMLElement): Middleware[] {
  const apply = fit(tip)
  return [
    floating.offset(12),
    floating.flip({ padding: PADDING, crossAxis: 'alignment', fallbackAxisSideDirection: 'end' }),
    floating.shift({ padding: PADDING }),
    floating.size({ padding: PADDING, apply: (s) => apply(s.availableWidth, s.availableHeight) }),
    inView(() => PADDING),
    floating.arrow({ element: tipArrow, padding: 12 }),
    floating.hide(),
  ]
}

// A seeded pseudo-random sequence (mulberry32), so that a failure can be replayed.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

test('placed as with floating-ui’s own middleware, over random layouts', async () => {
  const r = random(20261127)
  const int = (min: number, max: number) => Math.round(min + r() * (max - min))
  for (let i = 0; i < 150; i++) {
    document.body.replaceChildren()
    el('div', { height: `${int(0, 2500)}px`, width: `${int(0, 2500)}px` })
    // A target in the page, in a scrolling or clipping box, or in a fixed bar; 2 to 400 px.
    const kind = int(0, 2)
    const box = (position: string, overflow: string) =>
      el('div', {
        position,
        overflow,
        left: `${int(-50, 900)}px`,
        top: `${int(-50, 700)}px`,
        width: `${int(50, 600)}px`,
        height: `${int(50, 500)}px`,
      })
    const parent =
      kind === 0
        ? document.body
        : kind === 1
          ? box('absolute', r() < 0.5 ? 'auto' : 'hidden')
          : box('fixed', 'visible')
    if (kind === 1) el('div', { height: '1500px', width: '1500px' }, parent)
    const small = r() < 0.3
    const target = el(
      'button',
      {
        position: 'absolute',
        left: `${int(-100, 1100)}px`,
        top: `${int(-100, 900)}px`,
        width: `${small ? int(2, 40) : int(2, 400)}px`,
        height: `${small ? int(2, 40) : int(2, 300)}px`,
        padding: '0',
        border: '0',
      },
      parent,
    )
    if (kind === 1) parent.scrollTop = int(0, 800)
    window.scrollTo(int(0, 1200), int(0, 1200))
    const dir = r() < 0.3 ? 'rtl' : 'ltr'
    const width = `${int(100, 400)}px`
    const content = `${int(20, 1200)}px`
    const placement = PLACEMENTS[int(0, 11)] as Placement
    const strategy = kind === 2 ? 'fixed' : 'absolute'
    const placed = async (list: (tip: HTMLElement, a: HTMLElement) => Middleware[]) => {
      const tip = el('div', { position: strategy, width, display: 'flex', flexDirection: 'column' })
      tip.dir = dir
      el('div', { height: content, flexShrink: '0' }, tip)
      const tipArrow = el('div', { position: 'absolute', width: '12px', height: '12px' }, tip)
      const at = await computePosition(target, tip, {
        placement,
        strategy,
        middleware: list(tip, tipArrow),
      })
      tip.remove()
      const { arrow: a, hide: h } = at.middlewareData
      return {
        at: [at.x, at.y, at.placement],
        size: [tip.style.maxWidth, tip.style.maxHeight],
        arrow: [a?.x, a?.y],
        hidden: h?.referenceHidden,
      }
    }
    const layout = { i, kind, placement, dir }
    expect({ layout, ...(await placed(ours)) }).toEqual({ layout, ...(await placed(floatingUi)) })
  }
})
