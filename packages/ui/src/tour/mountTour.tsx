import type { Tour } from '@sonde/core'
import { render } from 'preact'
import { counterZoom } from '../mount/counterZoom'
import { createHost } from '../mount/createHost'
import { keepInPage } from '../mount/keepInPage'
import { ownKeys } from '../mount/ownKeys'
import { trackFocus } from '../mount/trackFocus'
import { composing } from '../prompt/composing'
import { loadStrings } from '../strings/loadStrings'
import type { Strings } from '../strings/types'
import { createTourRun, type RunState } from './createTourRun'
import { openDialogOf } from './placement'
import { tourCss } from './styles'
import { TourView } from './TourView'
import type { TourHandle, TourOptions } from './types'

let mounts = 0
// Capture phase: neither event bubbles.
const LAYER_EVENTS = ['toggle', 'close']
// The page's layers that take Esc: modal dialogs and light-dismiss popovers.
const LAYERS = ':modal,:popover-open:not([popover=manual])'

// No popover API, so no :popover-open (Safari before 17): the selector throws.
function openLayers(selector: string): Element[] {
  try {
    return [...document.querySelectorAll(selector)]
  } catch {
    return []
  }
}

/**
 * Runs `tour` in its own shadow root, in the top layer: each step waits for its target (one
 * shared MutationObserver, the tour's `missingTarget` policy), follows it with floating-ui,
 * pauses while it is gone and re-attaches when the app re-renders it. Reports each step, the
 * completion or the dismissal through the callbacks. Never throws for a valid tour.
 */
export function mountTour(tour: Tour, options: TourOptions = {}): TourHandle {
  // After a body swap (Turbo Drive, htmx), the new body.
  const home = () =>
    options.container ??
    // A visitor's <img name="body"> names itself on the document: the host went inside it, unseen.
    (document.body instanceof HTMLBodyElement ? document.body : document.documentElement)
  const { host, root, mount } = createHost(tourCss, home(), options.nonce)
  const leaveFocus = trackFocus(root, host)
  // Its keys stop at its root, so the run's listener in the page hears no Esc from inside: it is
  // taken here. The page's own use of an Esc (a layer above) concerns only keys typed outside.
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape' && !composing(event as KeyboardEvent)) {
      event.preventDefault()
      run.dismiss('esc')
    }
  })
  ownKeys(root)
  const locale = options.locale ?? tour.locale ?? 'en'
  const ids = `sonde-t${++mounts}`
  let strings: Strings | null = null
  let last: RunState | undefined
  let closed = false
  // The page's popovers already open when the tour's own layer last opened: the top layer stacks
  // in opening order, so they lie beneath the tooltip and Esc is the tour's. Not modal dialogs:
  // the page outside one is inert, the tooltip too, so Esc stays with the dialog.
  let beneath = new Set<Element>()
  let settle = () => {}
  const ready = new Promise<void>((resolve) => {
    settle = resolve
  })

  const teardown = (focus = false) => {
    if (closed) return
    closed = true
    kept.stop()
    for (const type of LAYER_EVENTS) document.removeEventListener(type, onLayer, true)
    root.removeEventListener('toggle', onOwnToggle, true)
    const restoreFocus = leaveFocus(focus)
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

  // The page zoomed while a step is open (a density setting): re-fitted a frame later, not in the
  // ResizeObserver callback that re-positions, where resizing the tooltip reports a loop error to
  // the page; that resize then re-positions it.
  const rezoom = () => {
    const zoom = counterZoom(host)
    if (mount.style.zoom !== zoom) requestAnimationFrame(() => Object.assign(mount.style, { zoom }))
  }
  const draw = (state: RunState) => {
    if (closed || !strings) return
    last = state
    // Outside an open modal <dialog> the page is inert, our host too: a step whose target is in
    // one shows from inside it. Moving the host hides its popovers, so the view opens anew.
    const into = (state.target && openDialogOf(state.target)) ?? home()
    if (host.parentNode !== into) {
      render(null, mount)
      into.append(host)
      kept.watch()
    }
    // Again after a move: the zoom may differ in the dialog it moved into.
    mount.style.zoom = counterZoom(host)
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
        rezoom={rezoom}
      />,
      mount,
    )
  }

  // A dialog of the page opened or closed around the target (`toggle`: Chromium 132+, Firefox 133+).
  // A layer that opens now is above the tooltip; one that closed is gone: neither is beneath.
  const onLayer = (event: Event) => {
    beneath.delete(event.target as Element)
    if (last) draw(last)
  }
  for (const type of LAYER_EVENTS) document.addEventListener(type, onLayer, true)
  // The tooltip or spotlight opened (a new step, or the host moved): it is on top of them all.
  const onOwnToggle = (event: Event) => {
    if ((event as ToggleEvent).newState === 'open') beneath = new Set(openLayers(':popover-open'))
  }
  root.addEventListener('toggle', onOwnToggle, true)

  const run = createTourRun(tour, {
    ...options,
    hasFocus: () => root.activeElement !== null,
    isInside: (event) => event.composedPath().includes(host),
    // Esc is for the topmost layer. Not above the tour: a layer holding the tour, or the step's
    // target (a step pointing into an open menu), or one beneath the tooltip.
    covered: () => {
      const target = last?.target
      return openLayers(LAYERS).some(
        (layer) =>
          !layer.contains(host) && !(target && layer.contains(target)) && !beneath.has(layer),
      )
    },
    render: draw,
    shown: settle,
    end: teardown,
  })

  // Taken out of the page with what the page removed: the step is drawn anew where it belongs
  // now (removal closed its popovers); one whose target went too waits for it as the run says.
  // The focus goes back to the control the removal took it from (Next, Back, Skip tour), as
  // drawn anew, not to the page's body.
  const kept = keepInPage(
    host,
    home,
    (focused) => {
      if (!last) return
      const at = [...mount.querySelectorAll('button')].indexOf(focused as HTMLButtonElement)
      render(null, mount)
      draw({ ...last, again: true })
      mount.querySelectorAll('button')[at]?.focus({ preventScroll: true })
    },
    () => run.dismiss('api'),
  )

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
