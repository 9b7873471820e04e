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

/**
 * Runs `tour` in its own shadow root, in the top layer: each step waits for its target (one
 * shared MutationObserver, the tour's `missingTarget` policy), follows it with floating-ui,
 * pauses while it is gone and re-attaches when the app re-renders it. Reports each step, the
 * completion or the dismissal through the callbacks. Never throws for a valid tour.
 */
export function mountTour(tour: Tour, options: TourOptions = {}): TourHandle {
  const { host, root, mount } = createHost(
    tourCss,
    options.container ?? document.body ?? document.documentElement,
    options.nonce,
  )
  const leaveFocus = trackFocus(root, host)
  const locale = options.locale ?? tour.locale ?? 'en'
  const ids = `sonde-t${++mounts}`
  let strings: Strings | null = null
  let closed = false
  let settle = () => {}
  const ready = new Promise<void>((resolve) => {
    settle = resolve
  })

  const teardown = () => {
    if (closed) return
    closed = true
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

  const run = createTourRun(tour, {
    ...options,
    hasFocus: () => root.activeElement !== null,
    isInside: (event) => event.composedPath().includes(host),
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
