import type { RefObject } from 'preact'
import { useEffect } from 'preact/hooks'

/**
 * Marks `box` with `data-scrolls` while its content overflows it, and only then does it keep a
 * scroll that reaches its end to itself (overscroll-behavior): a finger scrolling a long prompt
 * past its end must not scroll the page behind it, but one on a prompt with nothing to scroll
 * still scrolls the page, as a wheel over it does (the bottom of a phone's screen, where a sheet
 * sits, is where a thumb starts a scroll).
 */
export function useContainedScroll(box: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = box.current
    if (!el || typeof ResizeObserver !== 'function') return
    const observer = new ResizeObserver(() =>
      el.toggleAttribute('data-scrolls', el.scrollHeight > el.clientHeight),
    )
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
}
