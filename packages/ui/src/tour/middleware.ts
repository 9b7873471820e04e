// The floating-ui middleware a tour's tooltip is placed with, each as Sonde uses it: floating-ui's
// own take options and cover cases a tour never meets, bytes every page showing a tour would
// download for code that never runs. Each gives what floating-ui's does for Sonde's options,
// through its detectOverflow, and keeps its name (others read each other's data by it).
import {
  detectOverflow,
  type Placement as FloatingPlacement,
  type Middleware,
  type SideObject,
} from '@floating-ui/dom'

export const OPPOSITE = { top: 'bottom', right: 'left', bottom: 'top', left: 'right' } as const
const GAP = 12

type Side = keyof typeof OPPOSITE
// A placement flip() tried: the overflow on its side, then at either end of its alignment.
type Tried = { placement: FloatingPlacement; overflows: [number, number, number] }
export const sideOf = (placement: string) => placement.split('-')[0] as Side
const axisOf = (placement: string) => (/^(top|bottom)/.test(placement) ? 'y' : 'x')

// No side has room (a step on a whole panel, table or chart): the tooltip covers part of its
// target rather than leave the screen. After `size`, so one that can shrink beside its target
// does; not shift's crossAxis, which would let `size` use the whole height and cover it.
export function inView(padding: () => SideObject): Middleware {
  return {
    name: 'inView',
    async fn(state) {
      const o = await detectOverflow(state, { padding: padding() })
      const y = axisOf(state.placement) === 'y'
      const [before, after] = y ? [o.top, o.bottom] : [o.left, o.right]
      const by = before > 0 ? before : after > 0 ? -after : 0
      return y ? { y: state.y + by } : { x: state.x + by }
    },
  }
}

// floating-ui's hide() as used here (its referenceHidden strategy): whether its clipping
// containers and the viewport hide the whole target. Its other strategy stays out of the chunk.
export const hide: Middleware = {
  name: 'hide',
  async fn(state) {
    const o = await detectOverflow(state, { elementContext: 'reference' })
    const { width, height } = state.rects.reference
    return {
      data: {
        referenceHidden:
          o.top >= height || o.bottom >= height || o.left >= width || o.right >= width,
      },
    }
  },
}

// floating-ui's offset(GAP): GAP px off the target's side, and not again once the arrow has
// moved the tooltip along an aligned side. Its other options (axes, alignment, the reading
// direction they need) stay out of the chunk.
export const offset: Middleware = {
  name: 'offset',
  fn({ x, y, placement, middlewareData: m }) {
    if (placement === m.offset?.placement && m.arrow?.alignmentOffset) return {}
    const by = /^(top|left)/.test(placement) ? -GAP : GAP
    const data = { placement }
    return axisOf(placement) === 'y' ? { y: y + by, data } : { x: x + by, data }
  },
}

// floating-ui's shift() as used here: the tooltip moved along the target's side back within
// the padded viewport and clipping containers (not across it); size() reads the axis it frees.
export function shift(padding: () => SideObject): Middleware {
  return {
    name: 'shift',
    async fn(state) {
      const o = await detectOverflow(state, { padding: padding() })
      const y = axisOf(state.placement) === 'x'
      const at = y ? state.y : state.x
      const to = Math.max(at + (y ? o.top : o.left), Math.min(at, at - (y ? o.bottom : o.right)))
      return { [y ? 'y' : 'x']: to, data: { enabled: { x: !y, y } } }
    },
  }
}

// floating-ui's size() after shift(), which frees the axis along the target's side: the room
// beside the target on its side, the whole padded clipping area along it, handed to `apply`;
// the tooltip measured again when that changed its size.
export function size(
  padding: () => SideObject,
  apply: (width: number, height: number) => void,
): Middleware {
  return {
    name: 'size',
    async fn(state) {
      const o = await detectOverflow(state, { padding: padding() })
      const side = sideOf(state.placement)
      const { width, height } = state.rects.floating
      const w = width - o.left - o.right
      const h = height - o.top - o.bottom
      const y = axisOf(side) === 'y'
      apply(y ? w : Math.min(width - o[side], w), y ? Math.min(height - o[side], h) : h)
      const now = await state.platform.getDimensions(state.elements.floating)
      return now.width !== width || now.height !== height ? { reset: { rects: true } } : {}
    },
  }
}

const otherEnd = (placement: string) =>
  (placement.includes('start')
    ? placement.replace('start', 'end')
    : placement.replace('end', 'start')) as FloatingPlacement
const opposite = (placement: string) =>
  (OPPOSITE[sideOf(placement)] + placement.slice(sideOf(placement).length)) as FloatingPlacement

// floating-ui's flip() as used here (crossAxis 'alignment', fallbackAxisSideDirection 'end'):
// the step's placement, its other alignment, the opposite side, then the sides across at the
// end of the reading direction; the next is tried while the tooltip overflows, leaving the
// step's axis only once every side tried on it overflows, else the one that fits best.
export function flip(padding: () => SideObject): Middleware {
  return {
    name: 'flip',
    async fn(state) {
      const { placement, initialPlacement: first, middlewareData: m, rects } = state
      if (m.arrow?.alignmentOffset) return {}
      const axis = axisOf(first)
      const rtl = await state.platform.isRTL?.(state.elements.floating)
      const align = first.split('-')[1]
      let across = axis === 'y' ? (rtl ? ['left', 'right'] : ['right', 'left']) : ['bottom', 'top']
      if (align) {
        across = across.map((side) => `${side}-${align}`)
        across = across.concat(across.map(otherEnd))
      }
      const placements = [
        first,
        ...(align
          ? [otherEnd(first), opposite(first), otherEnd(opposite(first))]
          : [opposite(first)]),
        ...across,
      ] as FloatingPlacement[]
      const o = await detectOverflow(state, { padding: padding() })
      const alignment = placement.split('-')[1]
      const x = axisOf(placement) === 'y'
      let end: Side = x
        ? alignment === (rtl ? 'end' : 'start')
          ? 'right'
          : 'left'
        : alignment === 'start'
          ? 'bottom'
          : 'top'
      const length = x ? 'width' : 'height'
      if (rects.reference[length] > rects.floating[length]) end = OPPOSITE[end]
      const overflows: Tried['overflows'] = [o[sideOf(placement)], o[end], o[OPPOSITE[end]]]
      const tried = [
        ...((m.flip?.overflows as Tried[] | undefined) || []),
        { placement, overflows },
      ]
      if (overflows.every((n) => n <= 0)) return {}
      const index = (m.flip?.index || 0) + 1
      const next = placements[index]
      if (
        next &&
        (axis === axisOf(next) ||
          tried.every((d) => axisOf(d.placement) !== axis || d.overflows[0] > 0))
      )
        return { data: { index, overflows: tried }, reset: { placement: next } }
      const to =
        tried.filter((d) => d.overflows[0] <= 0).sort((a, b) => a.overflows[1] - b.overflows[1])[0]
          ?.placement ??
        tried
          .filter((d) => axisOf(d.placement) === axis || axisOf(d.placement) === 'y')
          .map(
            (d) =>
              [
                d.placement,
                d.overflows.filter((n) => n > 0).reduce((sum, n) => sum + n, 0),
              ] as const,
          )
          .sort((a, b) => a[1] - b[1])[0]?.[0]
      return placement === to ? {} : { reset: { placement: to } }
    },
  }
}

// floating-ui's arrow(): the arrow centred on the target along the tooltip's edge, kept
// `padding` from its corners; a tooltip aligned (-start, -end) to a target too small for that is
// moved along once, so that the arrow still points at it (offset() and flip() then stand still).
export function arrow(element: HTMLElement, padding: number): Middleware {
  return {
    name: 'arrow',
    async fn(state) {
      const { placement, rects, platform, middlewareData: m } = state
      const axis = axisOf(placement) === 'y' ? 'x' : 'y'
      const length = axis === 'x' ? 'width' : 'height'
      const client = axis === 'x' ? 'clientWidth' : 'clientHeight'
      const size = (await platform.getDimensions(element))[length]
      const at = state[axis]
      const parent = await platform.getOffsetParent?.(element)
      let room = parent ? (parent as Element)[client] : 0
      if (!room || !(await platform.isElement?.(parent)))
        room = state.elements.floating[client] || rects.floating[length]
      const pad = Math.min(padding, room / 2 - size / 2 - 1)
      const max = room - size - pad
      const center =
        room / 2 -
        size / 2 +
        (rects.reference[length] + rects.reference[axis] - at - rects.floating[length]) / 2 -
        (at - rects.reference[axis]) / 2
      const offset = Math.max(pad, Math.min(center, max))
      const moved =
        !m.arrow &&
        placement.includes('-') &&
        center !== offset &&
        rects.reference[length] / 2 - pad - size / 2 < 0
      const alignmentOffset = moved ? (center < pad ? center - pad : center - max) : 0
      return {
        [axis]: at + alignmentOffset,
        data: { [axis]: offset, ...(moved && { alignmentOffset }) },
        reset: moved,
      }
    },
  }
}
