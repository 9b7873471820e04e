import type { Placement as FloatingPlacement } from '@floating-ui/dom'
import { getOverflowAncestors } from '@floating-ui/dom'
import type { Placement } from '@sonde/core'

/**
 * The floating-ui placement of a step. `start`/`end` are logical sides: left/right in a
 * left-to-right locale, mirrored in a right-to-left one. The `-start`/`-end` alignments need no
 * mapping: floating-ui mirrors them itself when the tooltip's `dir` is rtl.
 */
export function toFloating(placement: Placement | undefined, rtl: boolean): FloatingPlacement {
  if (placement === undefined || placement === 'auto') return 'bottom'
  if (placement === 'start') return rtl ? 'right' : 'left'
  if (placement === 'end') return rtl ? 'left' : 'right'
  return placement
}

function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement
  const root = el.getRootNode()
  return root instanceof ShadowRoot ? root.host : null
}

/**
 * Whether `el` or an ancestor (across shadow roots) is fixed or sticky: such a target stays put
 * while the page scrolls, so the tooltip must be positioned against the viewport too.
 */
export function inFixed(el: Element): boolean {
  for (let node: Element | null = el; node; node = parentOf(node)) {
    const { position } = getComputedStyle(node)
    if (position === 'fixed' || position === 'sticky') return true
  }
  return false
}

/**
 * The open `<dialog>` holding `el`, or the page's own modal of divs (`aria-modal="true"`: MUI,
 * Radix, a focus-lock), across shadow roots (a target inside a web component). Outside one, the
 * page is inert, or its focus trap takes back focus that leaves it and a screen reader reads
 * nothing else: a step on a control in one must show from inside it.
 */
export function openDialogOf(el: Element): Element | null {
  for (let node: Element | null = el; node; node = parentOf(node)) {
    if (node.matches('dialog[open],[aria-modal=true]')) return node
  }
  return null
}

/**
 * `el`'s box in this window's viewport. A target in a same-origin iframe (found by a function
 * target) reports its box in the frame's: each frame's content box is added, as floating-ui does.
 */
export function viewportRect(el: Element): DOMRect {
  const r = el.getBoundingClientRect()
  let { x, y } = r
  let frame = el.ownerDocument === document ? null : el.ownerDocument.defaultView?.frameElement
  while (frame) {
    const f = frame.getBoundingClientRect()
    const css = getComputedStyle(frame)
    x += f.left + frame.clientLeft + Number.parseFloat(css.paddingLeft)
    y += f.top + frame.clientTop + Number.parseFloat(css.paddingTop)
    const doc = frame.ownerDocument
    frame = doc === document ? null : doc.defaultView?.frameElement
  }
  return new DOMRect(x, y, r.width, r.height)
}

/**
 * The part of `el`'s viewport box its scrolled or clipping containers leave in sight: a spotlight
 * lights no more than that, not the page around a container that hides half the target.
 */
export function visibleRect(el: Element): DOMRect {
  let { left, top, right, bottom } = viewportRect(el)
  for (const node of getOverflowAncestors(el)) {
    // The window and the visual viewport: the overlay ends at the viewport anyway.
    if (!('nodeType' in node)) continue
    const c = viewportRect(node)
    // Its client sizes are in its own CSS pixels, its box in the viewport's: they differ by the
    // page's CSS zoom or a transform: scale() around it.
    const { offsetWidth: w, offsetHeight: h } = node as HTMLElement
    const x = w ? c.width / w : 1
    const y = h ? c.height / h : 1
    left = Math.max(left, c.left + node.clientLeft * x)
    top = Math.max(top, c.top + node.clientTop * y)
    right = Math.min(right, c.left + (node.clientLeft + node.clientWidth) * x)
    bottom = Math.min(bottom, c.top + (node.clientTop + node.clientHeight) * y)
  }
  return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top))
}

/**
 * Whether `el` is wholly inside the viewport and not under the page's own sticky header or fixed
 * bar at its centre (else a step scrolls it to the middle when it opens). What is hit there is
 * asked of the page, past Sonde's own layers (the tooltip, a spotlight); a page made inert by a
 * modal step hits nothing, and a target in an iframe is not asked of (nor one in a DOM without hit
 * testing).
 */
export function inViewport(el: Element): boolean {
  const r = viewportRect(el)
  const { innerWidth: w, innerHeight: h } = window
  if (r.top < 0 || r.left < 0 || r.bottom > h || r.right > w) return false
  if (el.ownerDocument !== document) return true
  const at = (el.getRootNode() as Partial<Document | ShadowRoot>)
    .elementsFromPoint?.(r.x + r.width / 2, r.y + r.height / 2)
    .find((node) => node.localName !== 'sonde-root')
  return !at || el.contains(at) || at.contains(el)
}
