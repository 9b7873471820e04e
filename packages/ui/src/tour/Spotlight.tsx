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

/**
 * The overlay's outline: the whole viewport, minus a hole around `hole` with corners of `radius`
 * (even-odd fill), or no hole when the target is hidden or the step has none. The frame lies
 * just outside the viewport, so that in forced colors only the hole's edge shows its stroke.
 */
export function spotlightPath(
  hole: DOMRect | null,
  width: number,
  height: number,
  radius = RADIUS,
): string {
  const frame = `M-4 -4H${width + 4}V${height + 4}H-4Z`
  if (!hole) return frame
  const x = Math.round(hole.left - PAD)
  const y = Math.round(hole.top - PAD)
  const w = Math.round(hole.width + 2 * PAD)
  const h = Math.round(hole.height + 2 * PAD)
  const r = Math.min(radius, w / 2, h / 2)
  const arc = `a${r} ${r} 0 0 1`
  return (
    `${frame}M${x + r} ${y}h${w - 2 * r}${arc} ${r} ${r}v${h - 2 * r}${arc} ${-r} ${r}` +
    `h${2 * r - w}${arc} ${-r} ${-r}v${2 * r - h}${arc} ${r} ${-r}Z`
  )
}

/** Redraws the overlay around the target's current box. */
export function drawSpotlight(
  path: SVGPathElement | null,
  hole: DOMRect | null,
  radius?: number,
): void {
  path?.setAttribute('d', spotlightPath(hole, window.innerWidth, window.innerHeight, radius))
}

/**
 * The dimming overlay of a spotlight step, a manual popover in the top layer, drawn before the
 * tooltip so it sits under it. Click-through policy: the dimmed area catches pointer events
 * (a click there dismisses with reason `overlay`); the hole lets them through to the target,
 * which is how an `advanceOn: { click: true }` spotlight step is completed. On a modal step the
 * page behind is inert anyway, and a click in the hole does nothing.
 */
export function Spotlight({
  pathRef,
  onOverlay,
}: {
  pathRef: Ref<SVGPathElement>
  onOverlay: () => void
}) {
  const ref = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    if (ref.current) showOnTop(ref.current, false)
  }, [])
  return (
    <div class="ov" popover="manual" aria-hidden="true" ref={ref}>
      <svg width="100%" height="100%" aria-hidden="true" focusable="false">
        {/* biome-ignore lint/a11y/noStaticElementInteractions: keys have Esc and Skip */}
        <path ref={pathRef} fill-rule="evenodd" d={spotlightPath(null, 0, 0)} onClick={onOverlay} />
      </svg>
    </div>
  )
}
