import type { Signal } from '@sonde/core'
import { isHidden } from './isHidden'
import { listen } from './listen'

/** What the page tracker knows about the current page, for the usage context. */
export interface PageView {
  enteredAt: number
  /** Deepest scroll reached on this page, 0–1. */
  scrollDepth: number
  /** The route before this one, once the app has routed itself: the document's referrer is older. */
  referrer?: string | undefined
}

export interface PageSignals {
  readonly view: PageView
  /** A new route (from `referrer`): time on page and scroll depth start again. */
  restart(referrer?: string): void
  /**
   * The thresholds changed (a newer config): each is timed from the page's entry, and one already
   * past fires at once, as the page has been seen that long (a trigger holds from its seconds on).
   */
  arm(): void
  stop(): void
}

/**
 * Emits the page-level signals triggers listen to: seconds on page (each threshold in
 * `seconds`, once per page), scroll percent of the document or of the full-height container the
 * page scrolls in (read once after each frame that scrolled, from a passive listener, so the
 * host's scrolling is never slowed) and exit intent (the pointer leaving through the top).
 */
export function watchPageSignals(
  emit: (signal: Signal) => void,
  seconds: () => readonly number[],
  win: Window = window,
): PageSignals {
  const view: PageView = { enteredAt: Date.now(), scrollDepth: 0 }
  let timers: ReturnType<typeof setTimeout>[] = []
  let frame: ReturnType<typeof setTimeout> | 0 = 0
  let exitSent = false
  const scrolled = new Set<Element>()

  // From the page's entry, not from now: armed again mid-page, a threshold keeps its time. Seconds
  // on page are seconds it was seen: hidden, none is due; shown again, only those past `seen`
  // (the time seen so far, all of whose thresholds have fired) are timed again.
  const arm = (seen = -1) => {
    for (const timer of timers) clearTimeout(timer)
    timers = isHidden(win)
      ? []
      : [...new Set(seconds())]
          .filter((s) => s * 1000 > seen)
          .map((s) =>
            setTimeout(
              () => emit({ type: 'timeOnPage', seconds: s }),
              view.enteredAt + s * 1000 - Date.now(),
            ),
          )
  }
  // Read after the frame the scroll events came in, not in them: a host writing to its DOM as it
  // scrolls (a virtual list, a sticky header) would pay a layout for each read after its write.
  // By then the frame has laid the page out, and its scroll events are measured together.
  const measure = () => {
    frame = 0
    for (const el of scrolled) {
      const depth = Math.min(1, el.scrollTop / (el.scrollHeight - el.clientHeight))
      // An app shell scrolls a full-height <main>, not the document; a list or a code block
      // scrolling inside the page is not the page. NaN when nothing scrolls vertically (a
      // carousel scrolled sideways): no depth reached.
      if (el.clientHeight * 2 < win.innerHeight || !(depth > view.scrollDepth)) continue
      view.scrollDepth = depth
      emit({ type: 'scroll', percent: Math.round(depth * 100) })
    }
    scrolled.clear()
  }
  const onScroll = (event: Event) => {
    scrolled.add((event.target as Document).documentElement ?? (event.target as Element))
    frame ||= setTimeout(measure)
  }
  const onLeave = (event: MouseEvent) => {
    if (exitSent || event.relatedTarget || event.clientY > 0) return
    exitSent = true
    emit({ type: 'exitIntent' })
  }

  // Time on page is time the page was seen: the time a tab spends hidden moves the entry on
  // (an hour in the background is no hour of engagement), from the start for a page opened in a
  // background tab (hiddenAt 0: the entry moves to when it is first shown).
  let hiddenAt = 0
  const onVisibility = () => {
    const now = Date.now()
    if (isHidden(win)) hiddenAt = now
    else view.enteredAt += now - Math.max(hiddenAt, view.enteredAt)
    arm(now - view.enteredAt)
  }

  const unlisten = [
    listen(win, 'scroll', onScroll, { passive: true, capture: true }),
    listen(win.document, 'mouseout', onLeave),
    listen(win.document, 'visibilitychange', onVisibility),
  ]
  arm()
  return {
    view,
    restart(referrer) {
      view.referrer = referrer
      view.enteredAt = Date.now()
      view.scrollDepth = 0
      exitSent = false
      arm()
    },
    arm,
    stop() {
      for (const timer of timers) clearTimeout(timer)
      clearTimeout(frame)
      for (const stop of unlisten) stop()
    },
  }
}
