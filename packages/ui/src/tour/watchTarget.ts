import type { TourStep } from '@sonde/core'
import { onDomChange } from './domWatch'
import type { ResolveTarget } from './types'

/**
 * Whether `el` is drawn: it has a box, and no closed <details> (whose content keeps a box in
 * Chromium, drawn nowhere) or other `content-visibility: hidden` holds it. A browser without
 * checkVisibility (Safari before 17.4) is asked for a box only.
 */
const drawn = (el: Element) =>
  el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0

/**
 * A step's element now: from the JS API's function target, else its CSS selector. `undefined`:
 * the step has no target (it is centred); `null`: not in the page (yet). An invalid selector or a
 * throwing function counts as missing, so the tour's missing-target policy handles it.
 */
export function findTarget(step: TourStep, resolve?: ResolveTarget): Element | null | undefined {
  try {
    const found = resolve?.(step)
    if (found !== undefined) return found
  } catch (error) {
    console.error('[sonde]', error)
    return null
  }
  if (step.target === undefined) return undefined
  try {
    // A responsive app often renders an element twice (say, in the mobile menu and the toolbar),
    // one copy display:none: the one on screen is meant. None on screen: the first, which the
    // step then waits on until it shows (a menu that opens).
    const all = document.querySelectorAll(step.target)
    return [...all].find(drawn) ?? all[0] ?? null
  } catch {
    return null
  }
}

/** A followed target: the element now, and how to stop following it. */
export interface TargetWatch {
  current: Element | null
  stop: () => void
}

/**
 * Follows the element `find` returns across DOM changes and calls `onChange` when it changes:
 * a new element (the app re-rendered it: re-attach), `null` (it left or is hidden: pause), or
 * back again. An element in the page but not rendered (display: none, a closed menu) counts as
 * absent: nobody would see the step. While the element stays connected and rendered each DOM
 * change costs one `isConnected` read, no query and no layout; whether it renders is told by a
 * ResizeObserver, which reports a box appearing or going (display: none is a 0 × 0 box).
 */
export function watchTarget(
  find: () => Element | null,
  onChange: (element: Element | null) => void,
): TargetWatch {
  let unsubscribe = () => {}
  let element: Element | null = null
  let live = true
  // Told a task later: the step drawn within the browser's resize observations would have its own
  // observers (the tooltip's, floating-ui's) report a ResizeObserver loop error to the page.
  const sizes =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => setTimeout(() => live && report()))
      : undefined
  const follow = (next: Element | null) => {
    unsubscribe()
    sizes?.disconnect()
    element = next
    if (next) sizes?.observe(next)
    const root = next?.getRootNode()
    unsubscribe = onDomChange(check, root instanceof ShadowRoot ? root : undefined)
  }
  const rendered = () => (element && drawn(element) ? element : null)
  // A <details> opening or closing changes no box and no child: it is told by its toggle.
  const toggled = () => {
    check()
    report()
  }
  document.addEventListener('toggle', toggled, true)
  const watch: TargetWatch = {
    current: null,
    stop: () => {
      live = false
      document.removeEventListener('toggle', toggled, true)
      unsubscribe()
      unsubscribe = () => {}
      sizes?.disconnect()
    },
  }
  function report() {
    const now = rendered()
    if (now === watch.current) return
    watch.current = now
    onChange(now)
  }
  function check() {
    // A hidden one is asked again: another copy may have come on screen (a toolbar rendered
    // after the hidden mobile menu's copy).
    if (element?.isConnected && watch.current) return
    const next = find()
    if (next === element) return
    follow(next)
    report()
  }
  follow(find())
  watch.current = rendered()
  return watch
}
