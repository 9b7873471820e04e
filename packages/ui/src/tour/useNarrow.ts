import { useEffect, useState } from 'preact/hooks'
import { zoomedOut } from '../prompt/useZoomedOut'

// The same breakpoint as the surface's bottom-sheet media query (Surface.css.ts).
export const NARROW = '(max-width: 479.98px)'

/** Whether the screen is narrow enough for a bottom sheet: the window, or the phone's screen a
 * page laid out wider than it is shrunk to (see zoomedOut). */
export function isNarrow(): boolean {
  return (window.matchMedia?.(NARROW).matches ?? false) || zoomedOut() > 1
}

/** `isNarrow()`, following resizes and pinches. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(isNarrow)
  useEffect(() => {
    const list = window.matchMedia?.(NARROW)
    const viewport = window.visualViewport
    const update = () => setNarrow(isNarrow())
    update()
    list?.addEventListener('change', update)
    viewport?.addEventListener('resize', update)
    return () => {
      list?.removeEventListener('change', update)
      viewport?.removeEventListener('resize', update)
    }
  }, [])
  return narrow
}
