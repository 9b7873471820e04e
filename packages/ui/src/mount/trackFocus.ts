// Inside a web component (Shoelace, Ionic, Lit…) document.activeElement is only its host, which
// often cannot take focus itself: the element to go back to is down its open shadow roots.
function activeElement(): HTMLElement | null {
  let el = document.activeElement
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
  return el instanceof HTMLElement && el !== document.body ? el : null
}

// `el` is `host` or lies down its shadow roots, however deeply nested.
const within = (el: Node | null, host: Element): boolean =>
  !!el && (el === host || within((el.getRootNode() as ShadowRoot).host, host))

/**
 * Remembers where focus was before it entered the prompt, so closing can send it back there
 * rather than to <body>: the element focused at mount (a modal takes focus from it), updated
 * whenever focus later comes in from the page.
 */
export function trackFocus(root: ShadowRoot, host: HTMLElement): () => () => void {
  let back = activeElement()
  const onFocusIn = (event: Event) => {
    // Retargeted: an element inside a web component comes as its host, so a `back` inside stays.
    const from = (event as FocusEvent).relatedTarget
    if (from instanceof HTMLElement && from !== host && !root.contains(from) && !within(back, from))
      back = from
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
