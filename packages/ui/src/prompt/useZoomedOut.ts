import { useEffect, useState } from 'preact/hooks'

/**
 * How many times a phone shrinks a page laid out wider than its screen, for the prompt to undo:
 * a page without `<meta name="viewport">` is laid out 980 px wide and shown at 360/980 on a
 * 360 px phone, the prompt with it (its text at 6 px). 1 on a page made for phones, on a larger
 * screen, and once the reader has pinched the page back to its size.
 */
export function zoomedOut(): number {
  const scale = window.visualViewport?.scale ?? 1
  return scale > 0 && scale < 1 && window.innerWidth * scale < 480 ? 1 / scale : 1
}

/** `zoomedOut()`, following the visual viewport (a pinch changes it). */
export function useZoomedOut(): number {
  const [zoom, setZoom] = useState(zoomedOut)
  useEffect(() => {
    const viewport = window.visualViewport
    if (!viewport) return
    const update = () => setZoom(zoomedOut())
    viewport.addEventListener('resize', update)
    return () => viewport.removeEventListener('resize', update)
  }, [])
  return zoom
}
