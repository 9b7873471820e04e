import type { Signal } from '@sonde/core'

/** What the page tracker knows about the current page, for the usage context. */
export interface PageView {
  enteredAt: number
  /** Deepest scroll reached on this page, 0–1. */
  scrollDepth: number
}

export interface PageSignals {
  readonly view: PageView
  /** A new route: time on page and scroll depth start again. */
  restart(): void
  stop(): void
}

/**
 * Emits the page-level signals triggers listen to: seconds on page (each threshold in
 * `seconds`, once per page), scroll percent (throttled to animation frames, passive listener so
 * the host's scrolling is never slowed) and exit intent (the pointer leaving through the top).
 */
export function watchPageSignals(
  emit: (signal: Signal) => void,
  seconds: () => readonly number[],
  win: Window = window,
): PageSignals {
  const view: PageView = { enteredAt: Date.now(), scrollDepth: 0 }
  let timers: ReturnType<typeof setTimeout>[] = []
  let frame = 0
  let exitSent = false

  const arm = () => {
    for (const timer of timers) clearTimeout(timer)
    timers = [...new Set(seconds())].map((s) =>
      setTimeout(() => emit({ type: 'timeOnPage', seconds: s }), s * 1000),
    )
  }
  const measure = () => {
    frame = 0
    const doc = win.document.documentElement
    const scrollable = doc.scrollHeight - win.innerHeight
    const depth = scrollable <= 0 ? 1 : Math.min(1, win.scrollY / scrollable)
    if (depth <= view.scrollDepth) return
    view.scrollDepth = depth
    emit({ type: 'scroll', percent: Math.round(depth * 100) })
  }
  const onScroll = () => {
    if (!frame) frame = win.requestAnimationFrame(measure)
  }
  const onLeave = (event: MouseEvent) => {
    if (exitSent || event.relatedTarget || event.clientY > 0) return
    exitSent = true
    emit({ type: 'exitIntent' })
  }

  win.addEventListener('scroll', onScroll, { passive: true })
  win.document.addEventListener('mouseout', onLeave)
  arm()
  return {
    view,
    restart() {
      view.enteredAt = Date.now()
      view.scrollDepth = 0
      exitSent = false
      arm()
    },
    stop() {
      for (const timer of timers) clearTimeout(timer)
      if (frame) win.cancelAnimationFrame(frame)
      win.removeEventListener('scroll', onScroll)
      win.document.removeEventListener('mouseout', onLeave)
    },
  }
}
