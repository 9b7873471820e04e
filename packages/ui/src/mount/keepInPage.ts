/**
 * Puts `host` back in the page when the page takes it out while it is shown: Hotwire Turbo Drive,
 * htmx boost and pjax replace `<body>` on navigation, a framework mounting into `<body>` clears
 * its children, a failed React hydration replaces the document. The host goes with what they
 * remove, its popovers closed, while the prompt or tour goes on as shown, holding the screen lock
 * that keeps every other prompt away. Back in `where()`, `back` redraws it, given the element
 * of its shadow root the removal took the focus from (a keyboard or screen reader user was in it:
 * Chromium fires focusout as it goes, the host still connected), to focus again once redrawn;
 * where that is gone, or the page keeps removing it (a 4th time within a second), `gone` ends it.
 *
 * Only the host's ancestors' own children are observed (no subtree): the page's other writes
 * cost nothing. `watch` re-observes after the host was moved; `stop` before it is removed.
 */
export function keepInPage(
  host: HTMLElement,
  where: () => Element,
  back: (focused: HTMLElement | undefined) => void,
  gone: () => void,
): { watch(): void; stop(): void } {
  let strikes = 0
  let focused: HTMLElement | undefined
  // After the script that removed it: a focus the visitor moved out (a click on the page) is not
  // the removal's. Before the observer's callback, whose mutation comes after this event.
  host.shadowRoot?.addEventListener('focusout', (event) => {
    const from = event.composedPath()[0]
    queueMicrotask(() => {
      focused = !host.isConnected && from instanceof HTMLElement ? from : undefined
    })
  })
  const observer = new MutationObserver(() => {
    if (host.isConnected) return
    const into = where()
    if (!into.isConnected || strikes > 2) {
      observer.disconnect()
      return gone()
    }
    strikes++
    setTimeout(() => strikes--, 1000)
    into.append(host)
    watch()
    back(focused)
    focused = undefined
  })
  const watch = () => {
    observer.disconnect()
    for (let node: Node | null = host.parentNode; node; node = node.parentNode)
      observer.observe(node, { childList: true })
  }
  watch()
  return { watch, stop: () => observer.disconnect() }
}
