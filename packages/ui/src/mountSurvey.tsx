import type { Position, Survey, Theme } from '@sonde/core'
import { render } from 'preact'
import { counterZoom } from './mount/counterZoom'
import { createHost } from './mount/createHost'
import { keepInPage } from './mount/keepInPage'
import { ownKeys } from './mount/ownKeys'
import { trackFocus } from './mount/trackFocus'
import { Prompt } from './prompt/Prompt'
import { createSession } from './session/createSession'
import type { Progress, SessionCallbacks } from './session/types'
import { loadStrings } from './strings/loadStrings'
import type { Strings } from './strings/types'
import { surveyCss } from './styles'

/** Options of `mountSurvey`. Callbacks never fire after the prompt is completed or dismissed. */
export interface MountOptions extends SessionCallbacks {
  /** BCP 47 tag of the respondent; default: the survey's locale, else `en`. */
  locale?: string
  theme?: Theme
  /** Default: the survey's `display.position`, the theme's position, else `bottom-right`. */
  position?: Position
  /** Default: the survey's `display.dismissible`, else true. */
  dismissible?: boolean
  /** Saved progress (`answers`, `seq` from `onAnswer`): resume at the next unanswered question. */
  progress?: Progress
  /** Where the host element goes; default `document.body`. */
  container?: Element
  /** CSP nonce for the `<style>` fallback used when constructable stylesheets are missing. */
  nonce?: string
  /** How long the thank-you screen stays, in ms; 0 keeps it until closed. Default 4000. */
  autoCloseMs?: number
  /** The prompt left the page (after completion, dismissal or `close()`). */
  onClose?: () => void
  /**
   * Asked while a modal `<dialog>` of the page holds the prompt back: once false (for the SDK,
   * the route changed), it leaves without ever showing, reporting no dismissal.
   */
  due?: () => boolean
}

/** A mounted prompt. */
export interface SurveyHandle {
  /** The host element holding the open shadow root. */
  readonly host: HTMLElement
  /**
   * Settles once the prompt is on screen (its UI strings may load first, and a modal `<dialog>`
   * of the page must close first), or closed.
   */
  readonly ready: Promise<void>
  /**
   * Removes the prompt; an unfinished survey reports `onDismiss` with reason `'api'`, unless it
   * never came on screen.
   */
  close(): void
  /** Re-renders with another locale, theme or position, keeping the answers. */
  update(options: Pick<MountOptions, 'locale' | 'theme' | 'position'>): void
}

let mounts = 0

// The page's open modal <dialog>s: those of the document, and one in a web component's shadow
// root (Material's md-dialog), which leaves the page just as inert. A modal dialog holds focus,
// so the shadow roots looked into are those along the focus path: walking every element of the
// page for shadow roots took ~9 ms on a 20,000-element page, at each prompt and poll.
function modals(): Element[] {
  const found = [...document.querySelectorAll('dialog:modal')]
  for (let el = document.activeElement; el?.shadowRoot; el = el.shadowRoot.activeElement)
    found.push(...el.shadowRoot.querySelectorAll('dialog:modal'))
  return found
}

// `node` lies inside `dialog`, across the shadow roots between them.
function inside(dialog: Element, node: Node): boolean {
  const root = node.getRootNode()
  return dialog.contains(node) || (root instanceof ShadowRoot && inside(dialog, root.host))
}

// A modal <dialog> of the page, not one holding `el` (the prompt's host), is open. :modal throws
// before Safari 15.6.
function modalOpen(el: Element): boolean {
  try {
    return modals().some((d) => !inside(d, el))
  } catch {
    return false
  }
}

/**
 * Shows `survey` in its own shadow root in the top layer and reports each answer, the completion
 * or the dismissal through the callbacks. Never throws for a valid survey.
 */
export function mountSurvey(survey: Survey, options: MountOptions): SurveyHandle {
  let opts = options
  // Before <body> exists (a script in <head>), the root element still takes the host; after a
  // body swap (Turbo Drive, htmx), the new body does.
  const home = () =>
    options.container ??
    // A visitor's <img name="body"> names itself on the document: the host went inside it, unseen.
    (document.body instanceof HTMLBodyElement ? document.body : document.documentElement)
  const { host, root, mount } = createHost(surveyCss, home(), options.nonce)
  mount.style.zoom = counterZoom(host)
  const session = createSession(survey, options, options.progress)
  const leaveFocus = trackFocus(root, host)
  ownKeys(root)
  const ids = `sonde${++mounts}`
  let closed = false
  let held = false
  // On screen at least once: only then can closing it be a dismissal (not while its strings load).
  let drawn = false
  // The modal dialog's poll, and what settles `ready` when closing ends the wait early.
  let poll: ReturnType<typeof setTimeout> | undefined
  let stopWaiting = () => {}
  // Counts showings, so only the latest one's strings are drawn.
  let shows = 0
  // Counts the times the page took it out and it came back: its surface opens again.
  let returns = 0

  const teardown = () => {
    if (closed) return
    closed = true
    clearTimeout(poll)
    stopWaiting()
    kept.stop()
    const restoreFocus = leaveFocus()
    render(null, mount)
    host.remove()
    restoreFocus()
    try {
      opts.onClose?.()
    } catch (error) {
      console.error('[sonde]', error)
    }
  }

  const draw = (strings: Strings) => {
    if (closed) return
    drawn = true
    const position =
      opts.position ?? survey.display?.position ?? opts.theme?.position ?? 'bottom-right'
    render(
      <Prompt
        key={position}
        survey={survey}
        session={session}
        strings={strings}
        locale={opts.locale ?? survey.locale ?? 'en'}
        theme={opts.theme}
        position={position}
        dismissible={opts.dismissible ?? survey.display?.dismissible ?? true}
        ids={ids}
        autoCloseMs={opts.autoCloseMs ?? 4000}
        returns={returns}
        onClose={teardown}
      />,
      mount,
    )
  }
  const show = (first = false): Promise<void> => {
    // Closed (while held, or before an update): no strings chunk to load for nothing.
    if (closed) return Promise.resolve()
    const turn = ++shows
    const strings = loadStrings(opts.locale ?? survey.locale ?? 'en')
    // Its first showing waits for the language's strings: the route may change meanwhile, as
    // it may while a modal dialog holds it back, and then it was never due here. Strings that
    // arrive after a later update asked for another language are not drawn over its own.
    if (strings instanceof Promise)
      return strings.then((loaded) => {
        if (turn !== shows) return
        if (first && opts.due?.() === false) teardown()
        else draw(loaded)
      })
    draw(strings)
    return Promise.resolve()
  }
  // A survey does not interrupt a task in a modal dialog (the page outside it, our host included,
  // is inert anyway): it shows once that closes. Polled: removing an open dialog fires no event.
  const wait = (): Promise<void> => {
    if (closed) return Promise.resolve()
    if (opts.due?.() === false) {
      teardown()
      return Promise.resolve()
    }
    held = modalOpen(host)
    if (!held) return show(true)
    return new Promise<void>((go) => {
      stopWaiting = go
      poll = setTimeout(go, 250)
    }).then(wait)
  }

  const close = () => {
    if (drawn) session.dismiss('api')
    teardown()
  }
  // Taken out of the page with what the page removed: shown again where it belongs now (removal
  // closed its popover) as it was, its text typed and choices made kept, its live region not
  // announcing it again, and the focus back where the removal took it from.
  const kept = keepInPage(
    host,
    home,
    (focused) => {
      if (!drawn) return
      mount.style.zoom = counterZoom(host)
      returns++
      void show().then(() => focused?.focus({ preventScroll: true }))
    },
    close,
  )

  return {
    host,
    ready: wait(),
    close,
    update(patch) {
      opts = { ...opts, ...patch }
      if (!held) void show()
    },
  }
}
