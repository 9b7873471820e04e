import { useEffect, useState } from 'preact/hooks'

// How much of the layout viewport's bottom the visual viewport leaves out.
function measure(): number {
  const viewport = window.visualViewport
  if (!viewport) return 0
  return Math.max(0, Math.round(window.innerHeight - viewport.height - viewport.offsetTop))
}

/**
 * How many px of the layout viewport's bottom the on-screen keyboard covers, from visualViewport,
 * so a bottom sheet can sit above it instead of under it. Measured on mount too: the keyboard is
 * often up already (a prompt due as the user types), and then no event tells of it.
 */
export function useKeyboardInset(): number {
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
  return inset
}
