// Inside a web component (Shoelace, Ionic, Lit…) document.activeElement is only its host, which
// often cannot take focus itself: the element to go back to is down its open shadow roots.
function activeElement(): HTMLElement | null {
  let el = document.activeElement
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
  return el instanceof HTMLElement && el !== document.body ? el : null
}

// `el` is `host` or lies down its shadow roots, however deeply nested. Only a real ShadowRoot has
// the `host` to climb to: a detached element is its own root (an <a>'s `host` is a string), and a
// page's <form name="host"> shadows `document.host` (the document would lead back to itself).
const within = (el: Node | null, host: Element): boolean => {
  if (!el) return false
  if (el === host) return true
  const root = el.getRootNode()
  return root instanceof ShadowRoot && within(root.host, host)
}

/**
 * Remembers where focus was before it entered the prompt, so closing can send it back there
 * rather than to <body>: the element focused at mount (a modal takes focus from it), updated
 * whenever focus later comes in from the page.
 */
export function trackFocus(root: ShadowRoot, host: HTMLElement): (held?: boolean) => () => void {
  let back = activeElement()
  // The element focus last left, down open shadow roots (focusout comes just before focusin).
  let left: EventTarget | undefined
  const onFocusOut = (event: Event) => {
    left = event.composedPath()[0]
  }
  const onFocusIn = (event: Event) => {
    // Retargeted: an element inside a web component comes as its host, which often cannot take
    // focus itself; the element it came from is the one focusout saw.
    const from = (event as FocusEvent).relatedTarget
    // A listener's exception would land in the page's error reporting: this is only a nicety.
    try {
      if (!(from instanceof HTMLElement) || from === host || root.contains(from)) return
      back = left instanceof HTMLElement && within(left, from) ? left : from
    } catch {}
  }
  document.addEventListener('focusout', onFocusOut, true)
  root.addEventListener('focusin', onFocusIn)
  // Called just before the host is removed: restores focus only if it is still inside the prompt,
  // or `held`: it was when the prompt went off screen (a tour waiting for a target), and it has
  // gone nowhere since (<body>).
  return (held = false) => {
    document.removeEventListener('focusout', onFocusOut, true)
    root.removeEventListener('focusin', onFocusIn)
    const inside = root.activeElement !== null || (held && !activeElement())
    return () => {
      // A page's own focus() (a component overriding it) must not stop the teardown after this.
      try {
        // Taken out with its page (Turbo Drive, htmx, a framework drawing body anew): the new
        // page's element of the same id stands for it, a permanent one or a control drawn again.
        const to = back?.isConnected ? back : back?.id && document.getElementById(back.id)
        if (inside && to) to.focus({ preventScroll: true })
      } catch {}
    }
  }
}
