import {
  compileTargeting,
  createTargetingState,
  EXPLAINED,
  recordEvent,
  recordIdentity,
  type TargetingState,
} from '@sonde/core'
import { copyNow } from './copyNow'
import type { CallQueue } from './createCallQueue'
import type { Consent } from './createConsent'
import type { Emitter } from './createEmitter'
import type { Logger } from './createLogger'
import type { Presenter } from './createPresenter'
import type { Prompter } from './createPrompter'
import type { Visitor } from './createVisitor'
import type { RuntimeState } from './runtimeState'
import { safe } from './safe'
import type { ShowCheck, Sonde, SondeEvents } from './types'

/** The parts of a running Sonde its public methods drive. */
export interface ApiParts {
  win: Window
  log: Logger
  locale: string
  runtime: RuntimeState
  calls: CallQueue
  consent: Consent
  visitor: Visitor
  presenter: Presenter
  prompter: Prompter
  emitter: Emitter<SondeEvents>
  /** Replaces the targeting state and persists it (with consent). */
  update(next: TargetingState): void
  /** A new route: what is pending is dropped, then a page view. */
  onRoute(url: string): Promise<void>
  /** Removes every listener, timer and element (destroy). */
  teardown(): void
}

// The events on() knows, SondeEvents' names: one misspelt in plain JS would never be called.
const EVENTS: Record<keyof SondeEvents, 0> = {
  'survey:shown': 0,
  'survey:answered': 0,
  'survey:completed': 0,
  'survey:dismissed': 0,
  'tour:started': 0,
  'tour:step': 0,
  'tour:completed': 0,
  'tour:dismissed': 0,
  'delivery:queued': 0,
  'delivery:sent': 0,
  'delivery:dropped': 0,
  'delivery:degraded': 0,
}

/**
 * The public methods over the running parts. Calls that need the stored state and the config
 * wait for them in order; the others answer at once. None throws into the host.
 */
export function createApi(parts: ApiParts): Sonde {
  const { win, log, runtime, calls, consent, visitor, presenter, prompter, emitter } = parts
  const { queue, guard } = calls
  return {
    // Calls wait for the stored state and the config: traits and properties are copied at the
    // call, or the host's later change to its object (reused for the next export, a user model
    // updated) would be what they are judged on.
    identify: (userId, traits) => {
      // Traits travel in every event and are stored with the state: a cycle would make each
      // event impossible to queue, a function would make the state impossible to store. They
      // are an object: a string's characters or an array's items are no traits.
      const plain = copyNow(traits, null) as Record<string, unknown> | null
      queue(() => {
        if (typeof userId !== 'string' || !userId) return log.error('identify: expected a user id')
        if (typeof plain !== 'object' || !plain || Array.isArray(plain))
          return log.error('identify: expected JSON traits')
        parts.update(recordIdentity(runtime.state, userId, plain))
      })
    },
    track: (name, properties) => {
      // `track(name, null)` from plain JS: no properties, rather than a `where` filter
      // throwing on null and the event evaluating nothing at all (a string's own keys are
      // harmless to read). A `where` reads their own values only: a shallow copy keeps them.
      const props: Record<string, unknown> = safe(() => ({ ...properties }), {})
      queue(() => {
        if (typeof name !== 'string' || !name) return log.error('track: expected an event name')
        visitor.session({ event: name })
        parts.update(recordEvent(runtime.state, name))
        presenter.current()?.signal?.(name)
        prompter.evaluate({ type: 'event', name, properties: props })
      })
    },
    page: () => queue(() => parts.onRoute(win.location.href)),
    // An argument plain JS got wrong (TypeScript refuses it) is named in the npm build; the
    // script tag leaves these checks out with targeting's words (EXPLAINED), every byte of
    // sonde.js being on every page.
    show: (surveyId) =>
      queue(() =>
        EXPLAINED && typeof surveyId !== 'string'
          ? log.error('show: expected a survey id')
          : prompter.evaluate({ type: 'manual', kind: 'survey', id: surveyId }),
      ),
    startTour: (tourId) =>
      queue(() =>
        EXPLAINED && typeof tourId !== 'string'
          ? log.error('startTour: expected a tour id')
          : prompter.evaluate({ type: 'manual', kind: 'tour', id: tourId }),
      ),
    canShow: (id, kind = 'survey') =>
      safe(
        (): ShowCheck => {
          if (runtime.destroyed) return { ok: false, reason: 'destroyed' }
          if (!runtime.state.session.id) return { ok: false, reason: 'loading' }
          if (kind === 'survey' && !consent.allowed()) return { ok: false, reason: 'consent' }
          const verdict = compileTargeting(runtime.cfg).canShow(
            { kind, id },
            runtime.state,
            Date.now(),
          )
          // A reason of the item itself comes first (it holds after what is on screen has gone);
          // one that could show is held back only while another is due or on screen.
          return verdict.ok && presenter.busy() ? { ok: false, reason: 'busy' } : verdict
        },
        { ok: false, reason: 'error' },
      ),
    on: (type, handler) => {
      if (EXPLAINED && EVENTS[type] !== 0) log.error(`on: no event ${String(type)}`)
      else if (EXPLAINED && typeof handler !== 'function')
        log.error(`on: expected a function for ${type}`)
      return emitter.on(type, handler)
    },
    off: (type, handler) => emitter.off(type, handler),
    flush: async () => {
      try {
        await calls.settled()
        return (await consent.delivery()?.flush()) ?? { sent: 0, pending: 0 }
      } catch {
        return { sent: 0, pending: consent.delivery()?.pending() ?? 0 }
      }
    },
    optIn: () => guard(consent.optIn),
    optOut: () => guard(consent.optOut),
    reset: () =>
      queue(() => {
        const kv = consent.kv()
        kv.remove('anon')
        kv.remove('session')
        const s = visitor.session()
        const fresh = { anonymousId: visitor.anonymousId(), sessionId: s.id, now: Date.now() }
        parts.update({
          ...createTargetingState({ ...fresh, locale: parts.locale, url: win.location.href }),
          device: runtime.state.device,
        })
      }),
    destroy: () =>
      guard(() => {
        runtime.destroyed = true
        parts.teardown()
      }),
  }
}
