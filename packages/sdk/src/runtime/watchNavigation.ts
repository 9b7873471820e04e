import { listen } from './listen'
import { pageOf } from './pageOf'

type Listener = (url: string) => void

interface NavigationLike extends EventTarget {
  currentEntry?: { url?: string | null } | null
}

/**
 * Calls `listener` with the new URL after each SPA navigation, and with the same URL when the page
 * is shown again from the back/forward cache, until the returned function is called; a jump to an
 * in-page anchor is not one. Uses the Navigation API where present; else
 * wraps pushState/replaceState (restoring them on undo only if nobody wrapped them after us) and
 * listens to popstate/hashchange.
 */
export function watchNavigation(listener: Listener, win: Window = window): () => void {
  let last = pageOf(win.location.href)
  // A page shown again from the back/forward cache (pageshow, persisted) is viewed again, at the
  // URL it had: a page view, as analytics tools count it.
  const check = (event?: Event) => {
    const href = win.location.href
    const next = pageOf(href)
    if (next === last && !(event as PageTransitionEvent | undefined)?.persisted) return
    last = next
    try {
      listener(href)
    } catch {}
  }
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation
  const modern = typeof navigation?.addEventListener === 'function'
  // currententrychange fires for pushState, replaceState, traversals and hash changes alike;
  // hashchange is kept as a belt for engines with partial support.
  const target = modern ? (navigation as NavigationLike) : win
  const type = modern ? 'currententrychange' : 'popstate'
  const unlisten = [
    listen(target, type, check),
    listen(win, 'hashchange', check),
    listen(win, 'pageshow', check),
  ]
  const history = win.history
  // Each wrapped method, with what puts the original back.
  const unwrap = (modern ? [] : (['pushState', 'replaceState'] as const)).map((name) => {
    const original = history[name]
    const wrapped = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args)
      check()
      return result
    }
    history[name] = wrapped
    return () => {
      if (history[name] === wrapped) history[name] = original
    }
  })
  return () => {
    // A router that wrapped history after us keeps calling our wrapper: it must do nothing now.
    listener = () => {}
    for (const undo of [...unlisten, ...unwrap]) undo()
  }
}
