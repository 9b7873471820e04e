import type { Tour } from '@sonde/core'
import { composing } from '../prompt/composing'
import type { ResolveTarget, TourCallbacks, TourDismissReason } from './types'
import { findTarget, watchTarget } from './watchTarget'

// How long `skip` and `abort` give a target to appear: the click that advanced the tour is often
// what renders the next step's element, a moment later.
const SETTLE_MS = 100

/** What the view draws. */
export interface RunState {
  index: number
  /** The step's element; null for a centred step, or while waiting for or missing the target. */
  target: Element | null
  visible: boolean
  /** The step takes focus when it opens: the user was working inside the tour. */
  focus: boolean
  /** Back leads somewhere: there is a step before, centred or with its target in the page. */
  back: boolean
  /** Drawn anew after the page took it out (a body swap): announced already, when it opened. */
  again?: boolean
}

/** What the state machine needs from the mount: the page-facing parts and the callbacks. */
export interface RunDeps extends TourCallbacks {
  resolveTarget?: ResolveTarget
  /** Focus is inside the tour's shadow root now. */
  hasFocus: () => boolean
  /** The event came from inside the tour. */
  isInside: (event: Event) => boolean
  /** A modal dialog or a light-dismiss popover of the page is above the tour. */
  covered: () => boolean
  render: (state: RunState) => void
  /** The first step is on screen. */
  shown: () => void
  /** The tour completed or was dismissed: unmount it; `focus`: the user was in the tour last. */
  end: (focus: boolean) => void
}

/** The controls of a running tour; `inside`: the action came from the tour's own UI. */
export interface TourRun {
  start(at: number): void
  next(inside?: boolean): void
  back(inside?: boolean): void
  dismiss(reason: TourDismissReason): void
  pause(): void
  resume(): void
  signal(name: string): void
}

function call<T>(fn: ((arg: T) => void) | undefined, arg: T): void {
  try {
    fn?.(arg)
  } catch (error) {
    console.error('[sonde]', error)
  }
}

/**
 * The tour's state machine, apart from rendering: which step, its target (waiting, found,
 * replaced, lost), the missing-target policy, dwell time, Esc and `advanceOn`.
 */
export function createTourRun(tour: Tour, d: RunDeps): TourRun {
  const steps = tour.steps
  const policy = tour.missingTarget?.policy ?? 'wait'
  const timeoutMs = tour.missingTarget?.timeoutMs ?? (policy === 'wait' ? 5000 : SETTLE_MS)
  let index = -1
  let target: Element | null = null
  let anchored = false
  let found = false
  let seen = false
  let anySeen = false
  let focus = false
  let paused = false
  let over = false
  // The step a click on its target has left: reported at the click, moved on from a task later.
  let leaving = -1
  let stopWatch = () => {}
  let timer: ReturnType<typeof setTimeout> | undefined
  let since = 0
  let stepMs = 0
  let totalMs = 0

  const visible = () => index >= 0 && !over && !paused && (!anchored || target !== null)

  // Dwell counts only while the step is on screen, in a tab in view: each state change (the tab
  // hidden or seen too) closes the open interval.
  const tick = () => {
    const now = performance.now()
    if (since) {
      stepMs += now - since
      totalMs += now - since
    }
    since = visible() && document.hidden !== true ? now || 1 : 0
  }

  const sync = () => {
    tick()
    const on = visible()
    const step = steps[index]
    if (on && !seen && step) {
      seen = anySeen = true
      call(d.onShow, { stepId: step.id, index })
      d.shown()
    }
    // A multi-page tour resumed on its next page: Back towards the page before would hide the
    // tooltip and wait for a target that cannot come, then end the tour as missing_target.
    const before = steps[index - 1]
    const back = !!before && findTarget(before, d.resolveTarget) !== null
    if (!over) d.render({ index, target, visible: on, focus, back })
  }

  const leave = () => {
    leaving = -1
    stopWatch()
    stopWatch = () => {}
    clearTimeout(timer)
    tick()
    since = 0
  }

  const go = (to: number, dir: 1 | -1) => {
    leave()
    if (to >= steps.length) {
      finish()
      return
    }
    index = Math.max(0, to)
    const step = steps[index]
    if (!step) return
    seen = found = false
    stepMs = 0
    target = null
    anchored = findTarget(step, d.resolveTarget) !== undefined
    if (anchored) {
      const watch = watchTarget(
        () => findTarget(step, d.resolveTarget) ?? null,
        (element) => {
          // Read before the view drops the tooltip, so it can take focus back on return.
          if (!element && target) focus = d.hasFocus()
          target = element
          if (element) {
            found = true
            clearTimeout(timer)
          }
          sync()
        },
      )
      stopWatch = watch.stop
      target = watch.current
      found = target !== null
      if (!found) timer = setTimeout(() => missing(dir), timeoutMs)
    }
    sync()
  }

  const missing = (dir: 1 | -1) => {
    if (over || found) return
    if (policy !== 'skip') return dismiss('missing_target')
    const to = index + dir
    if (to < 0) go(index + 1, 1)
    else go(to, dir)
  }

  const report = (to: number) => {
    tick()
    const step = steps[index]
    if (seen && step) call(d.onStep, { stepId: step.id, index, dwellMs: Math.round(stepMs), to })
  }

  const stop = () => {
    leave()
    over = true
    listen('removeEventListener')
  }

  const finish = () => {
    // Every remaining step skipped before anything showed: nothing was toured.
    if (!anySeen) return dismiss('missing_target')
    stop()
    call(d.onComplete, { dwellMs: Math.round(totalMs) })
    d.end(focus)
  }

  const dismiss = (reason: TourDismissReason) => {
    if (over) return
    stop()
    const at = Math.min(Math.max(index, 0), steps.length - 1)
    call(d.onDismiss, { stepId: steps[at]?.id ?? '', index: at, reason })
    d.end(focus)
  }

  const next = (inside = d.hasFocus()) => {
    if (over || index < 0) return
    focus = inside
    if (leaving !== index) report(index + 1)
    go(index + 1, 1)
  }

  // What the run hears from the page while it runs: Esc, clicks on targets, the tab hidden or seen.
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    document[method]('keydown', onKey as EventListener)
    document[method]('click', onClick as EventListener, true)
    document[method]('visibilitychange', tick)
  }

  // Esc exits from anywhere while a step shows, unless the page already used that Esc itself or
  // has a layer above the tour: Esc closes the topmost layer only, and the browser closes that
  // one once the keydown is not cancelled.
  function onKey(event: KeyboardEvent) {
    if (event.key !== 'Escape' || composing(event) || !visible()) return
    if (!d.isInside(event) && (event.defaultPrevented || d.covered())) return
    event.preventDefault()
    dismiss('esc')
  }

  // Capture phase: an app that stops propagation must not swallow the advance.
  function onClick(event: MouseEvent) {
    const at = index
    const el = target
    if (!visible() || !steps[at]?.advanceOn?.click || !el || leaving === at) return
    if (!event.composedPath().includes(el)) return
    // Reported (and the next step stored) in the click's own task: a link's next page may have
    // replaced this one before another task runs, and would resume at the step just done.
    leaving = at
    report(at + 1)
    // The last step's click completes the tour in this task too: the completion would be lost
    // with the page otherwise (about 1 link in 20 in Chromium), and no next target is awaited.
    if (at === steps.length - 1) return next(false)
    // Moved on after the app's own handlers ran: they often render the next step's target.
    setTimeout(() => {
      if (index === at) next(false)
    }, 0)
  }

  return {
    start(at) {
      if (over || index >= 0) return
      listen('addEventListener')
      go(Math.min(Math.max(Math.trunc(at) || 0, 0), steps.length - 1), 1)
    },
    next,
    back(inside = d.hasFocus()) {
      if (over || index <= 0) return
      focus = inside
      report(index - 1)
      go(index - 1, -1)
    },
    dismiss,
    pause() {
      if (over || paused) return
      focus = d.hasFocus()
      paused = true
      sync()
    },
    resume() {
      if (over || !paused) return
      paused = false
      sync()
    },
    signal(name) {
      if (!over && index >= 0 && steps[index]?.advanceOn?.event === name) next(false)
    },
  }
}
