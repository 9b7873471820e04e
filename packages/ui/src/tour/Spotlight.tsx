import type { Ref } from 'preact'
import { useLayoutEffect, useRef } from 'preact/hooks'
import { showOnTop } from '../prompt/showOnTop'

const PAD = 6
const RADIUS = 8

/**
 * The corner radius of the hole around `target`: its own rounding (a round avatar, a pill
 * button) grown by the padding, so the outline runs alongside it; at least the default.
 */
export function holeRadius(target: Element, box: DOMRect): number {
  const radius = getComputedStyle(target).borderTopLeftRadius
  const n = Number.parseFloat(radius) || 0
  const px = radius.endsWith('%') ? (n / 100) * Math.min(box.width, box.height) : n
  return Math.max(RADIUS, px + PAD)
}

/** How far the drawing reaches past the viewport, so that its own edge never shows. */
const EDGE = 16

/**
 * The overlay's outline, drawn once for a hole of `w` × `h` with corners of `radius` (even-odd
 * fill; none when w is 0: the target is hidden or the step has none). The drawing reaches a
 * viewport of `width` × `height` (and EDGE) past the hole on every side, so that moved to put the
 * hole anywhere from just off one edge of the viewport to just off the other, it still covers
 * the viewport, and in forced colors only the hole's edge shows its stroke. The hole's corner is
 * at (width + EDGE, height + EDGE).
 */
export function spotlightPath(
  w: number,
  h: number,
  width: number,
  height: number,
  radius = RADIUS,
): string {
  const x = width + EDGE
  const y = height + EDGE
  const frame = `M0 0H${2 * x + w}V${2 * y + h}H0Z`
  if (!w) return frame
  const r = Math.min(radius, w / 2, h / 2)
  const arc = `a${r} ${r} 0 0 1`
  return (
    `${frame}M${x + r} ${y}h${w - 2 * r}${arc} ${r} ${r}v${h - 2 * r}${arc} ${-r} ${r}` +
    `h${2 * r - w}${arc} ${-r} ${-r}v${2 * r - h}${arc} ${r} ${-r}Z`
  )
}

const clamp = (n: number, min: number, max: number) => Math.min(Math.max(n, min), max)

/**
 * Puts the overlay's hole around the target's current box. The outline is drawn again only when
 * the hole's size, corners or the viewport change; a target that only moves (the page scrolls)
 * moves the drawing with a transform, which Chromium composites without painting anything.
 */
export function drawSpotlight(
  svg: SVGSVGElement | null,
  hole: DOMRect | null,
  radius?: number,
): void {
  const path = svg?.firstElementChild
  if (!svg || !path) return
  const { innerWidth: width, innerHeight: height } = window
  const w = hole ? Math.round(hole.width + 2 * PAD) : 0
  const h = hole ? Math.round(hole.height + 2 * PAD) : 0
  const d = spotlightPath(w, h, width, height, radius)
  if (path.getAttribute('d') !== d) {
    path.setAttribute('d', d)
    svg.setAttribute('width', `${2 * (width + EDGE) + w}`)
    svg.setAttribute('height', `${2 * (height + EDGE) + h}`)
  }
  // Off screen, the hole stays just past the edge, where the drawing still covers the viewport.
  const x = hole ? clamp(Math.round(hole.left - PAD), -w - EDGE / 2, width + EDGE / 2) : 0
  const y = hole ? clamp(Math.round(hole.top - PAD), -h - EDGE / 2, height + EDGE / 2) : 0
  svg.style.transform = `translate(${x - width - EDGE}px,${y - height - EDGE}px)`
}

/**
 * The dimming overlay of a spotlight step, a manual popover in the top layer, drawn before the
 * tooltip so it sits under it. Click-through policy: the dimmed area catches pointer events
 * (a click there dismisses with reason `overlay`); the hole lets them through to the target,
 * which is how an `advanceOn: { click: true }` spotlight step is completed. On a modal step the
 * page behind is inert anyway, and a click in the hole does nothing.
 */
export function Spotlight({
  svgRef,
  onOverlay,
}: {
  svgRef: Ref<SVGSVGElement>
  onOverlay: () => void
}) {
  const ref = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    if (ref.current) showOnTop(ref.current, false)
  }, [])
  return (
    <div class="ov" popover="manual" aria-hidden="true" ref={ref}>
      <svg ref={svgRef} aria-hidden="true" focusable="false">
        {/* biome-ignore lint/a11y/noStaticElementInteractions: keys have Esc and Skip */}
        <path fill-rule="evenodd" onClick={onOverlay} />
      </svg>
    </div>
  )
}
