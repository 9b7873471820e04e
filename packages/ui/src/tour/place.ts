import {
  autoUpdate,
  computePosition,
  type Placement as FloatingPlacement,
  type SideObject,
} from '@floating-ui/dom'
import { arrow, flip, hide, inView, OPPOSITE, offset, shift, sideOf, size } from './middleware'
import { inFixed, viewportRect, visibleRect } from './placement'
import { isNarrow } from './useNarrow'

/** How `place` anchors a tooltip. */
export interface PlaceOptions {
  placement: FloatingPlacement
  arrow: HTMLElement | null
  /** Bottom sheet: the tooltip keeps its CSS place (at the top over a low target); only the
   * spotlight follows the target. */
  sheet: boolean
  /** A modal tooltip holds focus, so it is never hidden; only its arrow and the hole are. */
  keepVisible: boolean
  /** The target's viewport box after each update, or null while it is hidden or clipped away. */
  onTarget: (rect: DOMRect | null) => void
  /** Before each update: the page's zoom may have changed (a density setting), and with it the
   * counter-zoom the tooltip needs to be measured in viewport pixels. */
  beforeUpdate?: () => void
}

// How far from each edge of the viewport a tooltip stays: 8 px, from a phone's notch and rounded
// corners too (env(safe-area-inset-*), which the surface's CSS reads into --st, --sr and --sl).
function edges(tip: Element): SideObject {
  const css = getComputedStyle(tip)
  const px = (name: string) => 8 + (Number.parseFloat(css.getPropertyValue(name)) || 0)
  return { top: px('--st'), right: px('--sr'), bottom: 8, left: px('--sl') }
}

/**
 * Anchors `tip` to `target` until the returned cleanup runs. autoUpdate re-positions on scroll
 * of any ancestor, window resize, element resize and layout shift: event-driven, with no
 * animation-frame loop. A target in a fixed or sticky container gets the `fixed` strategy, so
 * the two stay together while the page scrolls; any other gets `absolute`, which scrolls with
 * the document between updates instead of trailing a frame behind.
 */
export function place(target: Element, tip: HTMLElement, o: PlaceOptions): () => void {
  let live = true
  const strategy = inFixed(target) ? 'fixed' : 'absolute'
  Object.assign(tip.style, {
    position: '',
    left: '',
    top: '',
    maxWidth: '',
    maxHeight: '',
    visibility: '',
  })
  tip.removeAttribute('data-top')
  let padding = edges(tip)
  const middleware = [
    offset,
    // Cross-axis overflow of a centred tooltip is shift's job, not a reason to change sides.
    flip(() => padding),
    shift(() => padding),
    // Only a tooltip taller than its room is held to it: the room changes with every scroll
    // frame, and a max-height rewritten at each had the browser restyle and lay out the
    // tooltip, and floating-ui measure it again, on every frame the page scrolled. Its
    // content's height (.c scrolls, not the tooltip) is read before anything is written.
    size(
      () => padding,
      (width, height) => {
        const room = Math.max(120, height)
        Object.assign(tip.style, {
          maxWidth: `${Math.max(160, width)}px`,
          maxHeight: (tip.firstElementChild?.scrollHeight ?? 0) > room ? `${room}px` : '',
        })
      },
    ),
    inView(() => padding),
    ...(o.arrow ? [arrow(o.arrow, 12)] : []),
    hide,
  ]

  // What the placement depends on, as last placed: a scroll moves the target, and floating-ui's
  // layout-shift observer reports that move once more after the frame, which placed the step
  // (and drew and painted its spotlight) twice for every frame the page scrolled. The visible
  // box holds what clips the target; the tooltip's size, its content and zoom; the visual
  // viewport, what an on-screen keyboard leaves of the window (a sheet moves to keep clear of it).
  let placed = ''
  const update = () => {
    o.beforeUpdate?.()
    const seen = window.visualViewport
    const now = [target.getBoundingClientRect(), visibleRect(target)]
      .flatMap((r) => [r.x, r.y, r.width, r.height])
      .concat(tip.offsetWidth, tip.offsetHeight, window.innerWidth, window.innerHeight)
      .concat(seen?.height ?? 0, seen?.offsetTop ?? 0)
      .join()
    if (now === placed) return
    placed = now
    const rendered = target.getClientRects().length > 0
    // Also before the view re-renders as a sheet: the window has just narrowed, and sizing the
    // tooltip for an anchor now, in a ResizeObserver callback, reports a loop error to the page.
    if (o.sheet || isNarrow()) {
      const rect = rendered ? viewportRect(target) : null
      // A sheet at the bottom would cover a target there (a tab bar, a button low on a page that
      // cannot scroll it higher): it goes to the top when that covers less of the target. Its
      // bottom is the visual viewport's, above an on-screen keyboard (a target being typed in).
      const h = tip.getBoundingClientRect().height
      const vv = window.visualViewport
      const bottom = vv ? vv.offsetTop + vv.height : window.innerHeight
      tip.toggleAttribute(
        'data-top',
        !!rect && rect.bottom - (bottom - h) > Math.max(0, h - rect.top),
      )
      o.onTarget(rect)
      return
    }
    padding = edges(tip)
    void computePosition(target, tip, { placement: o.placement, strategy, middleware }).then(
      ({ x, y, placement, middlewareData }) => {
        if (!live) return
        const hidden = !rendered || middlewareData.hide?.referenceHidden === true
        Object.assign(tip.style, {
          position: strategy,
          left: `${x}px`,
          top: `${y}px`,
          visibility: hidden && !o.keepVisible ? 'hidden' : '',
        })
        const a = middlewareData.arrow
        if (o.arrow) {
          Object.assign(o.arrow.style, {
            left: a?.x === undefined ? '' : `${a.x}px`,
            top: a?.y === undefined ? '' : `${a.y}px`,
            right: '',
            bottom: '',
            [OPPOSITE[sideOf(placement)]]: '-6px',
            visibility: hidden ? 'hidden' : '',
          })
        }
        o.onTarget(hidden ? null : visibleRect(target))
      },
    )
  }
  const stop = autoUpdate(target, tip, update)
  // The keyboard opening or closing resizes only the visual viewport.
  window.visualViewport?.addEventListener('resize', update)
  return () => {
    live = false
    stop()
    window.visualViewport?.removeEventListener('resize', update)
  }
}
