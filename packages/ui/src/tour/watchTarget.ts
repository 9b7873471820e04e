import type { TourStep } from '@sonde/core'
import { onDomChange } from './domWatch'
import type { ResolveTarget } from './types'

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
    return [...all].find((el) => el.getClientRects().length > 0) ?? all[0] ?? null
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
 * a new element (the app re-rendered it: re-attach), `null` (it left: pause), or back again.
 * While the element stays connected each change costs one `isConnected` read, no query.
 */
export function watchTarget(
  find: () => Element | null,
  onChange: (element: Element | null) => void,
): TargetWatch {
  let unsubscribe = () => {}
  const subscribe = (element: Element | null) => {
    unsubscribe()
    const root = element?.getRootNode()
    unsubscribe = onDomChange(check, root instanceof ShadowRoot ? root : undefined)
  }
  const watch: TargetWatch = {
    current: find(),
    stop: () => {
      unsubscribe()
      unsubscribe = () => {}
    },
  }
  function check() {
    if (watch.current?.isConnected) return
    const next = find()
    if (next === watch.current) return
    watch.current = next
    subscribe(next)
    onChange(next)
  }
  subscribe(watch.current)
  return watch
}
