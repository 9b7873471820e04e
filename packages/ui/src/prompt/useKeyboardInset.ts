import type { RefObject } from 'preact'
import { useEffect, useLayoutEffect, useState } from 'preact/hooks'

// How much of the layout viewport's bottom the visual viewport leaves out.
function measure(): number {
  const viewport = window.visualViewport
  if (!viewport) return 0
  return Math.max(0, Math.round(window.innerHeight - viewport.height - viewport.offsetTop))
}

/**
 * How many px of the layout viewport's bottom the on-screen keyboard covers, from visualViewport,
 * so a bottom sheet can sit above it instead of under it. Measured on mount too: the keyboard is
 * often up already (a prompt due as the user types), and then no event tells of it. Lifted and
 * shrunk by it after the browser has shown the focused field, `box` shows it again: the field
 * that brought the keyboard up would be left below the part of the box still in sight.
 */
export function useKeyboardInset(box: RefObject<HTMLElement | null>): number {
  const [inset, setInset] = useState(measure)
  useEffect(() => {
    const viewport = window.visualViewport
    if (!viewport) return
    const update = () => setInset(measure())
    viewport.addEventListener('resize', update)
    viewport.addEventListener('scroll', update)
    return () => {
      viewport.removeEventListener('resize', update)
      viewport.removeEventListener('scroll', update)
    }
  }, [])
  // Only the box scrolls: scrollIntoView would also pan a pinch-zoomed page under the reader.
  useLayoutEffect(() => {
    const el = box.current
    const focused = (el?.getRootNode() as ShadowRoot | undefined)?.activeElement
    if (!inset || !el || !focused || !el.contains(focused)) return
    const r = focused.getBoundingClientRect()
    const b = el.getBoundingClientRect()
    // In the box's own px: on a page shrunk to fit a phone, it is drawn larger (see zoomedOut).
    const drawn = el.offsetHeight ? b.height / el.offsetHeight : 1
    el.scrollTop += (Math.max(0, r.bottom - b.bottom) - Math.max(0, b.top - r.top)) / drawn
  }, [inset])
  return inset
}
