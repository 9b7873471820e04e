import type { Tour } from '@sonde/core'
import { render } from 'preact'
import { createHost } from '../mount/createHost'
import { trackFocus } from '../mount/trackFocus'
import { loadStrings } from '../strings/loadStrings'
import type { Strings } from '../strings/types'
import { createTourRun, type RunState } from './createTourRun'
import { tourCss } from './styles'
import { TourView } from './TourView'
import type { TourHandle, TourOptions } from './types'

let mounts = 0
// Capture phase: neither event bubbles.
const LAYER_EVENTS = ['toggle', 'close']

/**
 * Runs `tour` in its own shadow root, in the top layer: each step waits for its target (one
 * shared MutationObserver, the tour's `missingTarget` policy), follows it with floating-ui,
 * pauses while it is gone and re-attaches when the app re-renders it. Reports each step, the
 * completion or the dismissal through the callbacks. Never throws for a valid tour.
 */
export function mountTour(tour: Tour, options: TourOptions = {}): TourHandle {
  const container = options.container ?? document.body ?? document.documentElement
  const { host, root, mount } = createHost(tourCss, container, options.nonce)
  const leaveFocus = trackFocus(root, host)
  const locale = options.locale ?? tour.locale ?? 'en'
  const ids = `sonde-t${++mounts}`
  let strings: Strings | null = null
  let last: RunState | undefined
  let closed = false
  let settle = () => {}
  const ready = new Promise<void>((resolve) => {
    settle = resolve
  })

  const teardown = () => {
    if (closed) return
    closed = true
    for (const type of LAYER_EVENTS) document.removeEventListener(type, redraw, true)
    const restoreFocus = leaveFocus()
    render(null, mount)
    host.remove()
    restoreFocus()
    settle()
    try {
      options.onClose?.()
    } catch (error) {
      console.error('[sonde]', error)
    }
  }

  const draw = (state: RunState) => {
    if (closed || !strings) return
    last = state
    // Outside an open modal <dialog> the page is inert, our host too: a step whose target is in
    // one shows from inside it. Moving the host hides its popovers, so the view opens anew.
    const into = state.target?.closest('dialog[open]') ?? container
    if (host.parentNode !== into) {
      render(null, mount)
      into.append(host)
    }
    render(
      <TourView
        tour={tour}
        state={state}
        strings={strings}
        locale={locale}
        theme={options.theme}
        ids={ids}
        onNext={() => run.next(true)}
        onBack={() => run.back(true)}
        onSkip={() => run.dismiss('close')}
        onOverlay={() => run.dismiss('overlay')}
      />,
      mount,
    )
  }

  // A dialog of the page opened or closed around the target (`toggle`: Chromium 132+, Firefox 133+).
  const redraw = () => last && draw(last)
  for (const type of LAYER_EVENTS) document.addEventListener(type, redraw, true)

  const run = createTourRun(tour, {
    ...options,
    hasFocus: () => root.activeElement !== null,
    isInside: (event) => event.composedPath().includes(host),
    covered: () => {
      try {
        const layers = document.querySelectorAll(':modal,:popover-open:not([popover=manual])')
        return [...layers].some((layer) => !layer.contains(host))
      } catch {
        return false // no popover API, so no :popover-open (Safari before 17)
      }
    },
    render: draw,
    shown: settle,
    end: teardown,
  })

  const start = (loaded: Strings) => {
    if (closed) return
    strings = loaded
    run.start(options.startAt ?? 0)
  }
  const loaded = loadStrings(locale)
  if (loaded instanceof Promise) void loaded.then(start)
  else start(loaded)

  return {
    host,
    ready,
    next: () => run.next(),
    back: () => run.back(),
    close: (reason = 'api') => run.dismiss(reason),
    pause: () => run.pause(),
    resume: () => run.resume(),
    signal: (name) => run.signal(name),
  }
}
