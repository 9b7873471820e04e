function activeElement(): HTMLElement | null {
  const el = document.activeElement
  return el instanceof HTMLElement && el !== document.body ? el : null
}

/**
 * Remembers where focus was before it entered the prompt, so closing can send it back there
 * rather than to <body>: the element focused at mount (a modal takes focus from it), updated
 * whenever focus later comes in from the page.
 */
export function trackFocus(root: ShadowRoot, host: HTMLElement): () => () => void {
  let back = activeElement()
  const onFocusIn = (event: Event) => {
    const from = (event as FocusEvent).relatedTarget
    if (from instanceof HTMLElement && from !== host && !root.contains(from)) back = from
  }
  root.addEventListener('focusin', onFocusIn)
  // Called just before the host is removed: restores focus only if it is still inside the prompt.
  return () => {
    root.removeEventListener('focusin', onFocusIn)
    const inside = root.activeElement !== null
    return () => {
      if (inside && back?.isConnected) back.focus({ preventScroll: true })
    }
  }
}
