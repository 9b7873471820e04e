import { useEffect, useState } from 'preact/hooks'

// The same breakpoint as the surface's bottom-sheet media query (Surface.css.ts).
export const NARROW = '(max-width: 479.98px)'

/** Whether the viewport is narrow enough for a bottom sheet, following resizes. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia?.(NARROW).matches ?? false)
  useEffect(() => {
    const list = window.matchMedia?.(NARROW)
    if (!list) return
    const update = () => setNarrow(list.matches)
    update()
    list.addEventListener('change', update)
    return () => list.removeEventListener('change', update)
  }, [])
  return narrow
}
