import type { InitOptions, OutgoingEvent, SondeEvent, UsageContext } from '@sonde/core'
import type { ContextInput } from '../context/collectContext'
import type { DeferredDelivery } from '../delivery/deferDelivery'
import type { Emitter } from './createEmitter'
import type { Logger } from './createLogger'
import type { Visitor } from './createVisitor'
import type { RuntimeState } from './runtimeState'
import { safe } from './safe'
import type { SondeEvents } from './types'
import type { PageView } from './watchPageSignals'

export interface SendDeps {
  win: Window
  options: InitOptions
  locale: string
  log: Logger
  emitter: Emitter<SondeEvents>
  runtime: RuntimeState
  visitor: Visitor
  view: () => PageView
  delivery: () => DeferredDelivery | null
}

/**
 * Queues an event in the outbox with the usage context read now, after the host's `beforeSend`
 * (which may change or drop it). The page is read at once; the context is made from it by the
 * delivery chunk, which `beforeSend` runs after. Without an outbox (no consent) the event goes
 * nowhere.
 */
export function createSend(deps: SendDeps): (event: SondeEvent) => void {
  const { win, options, log } = deps
  const nav = win.navigator as Navigator & { globalPrivacyControl?: boolean }
  return (event) => {
    const target = deps.delivery()
    if (!target) return
    const { state } = deps.runtime
    const { referrer, ...view } = deps.view()
    const href = win.location.href
    const input: ContextInput = {
      now: Date.now(),
      page: {
        href,
        title: win.document.title,
        // After a route of the app's own, the page came from the previous route. Never the page
        // itself (shown again from the back/forward cache, where the visitor came back from is
        // not known): the document's referrer stands then.
        referrer: (referrer !== href && referrer) || win.document.referrer,
        ...view,
      },
      locale: deps.locale,
      timezone: safe(() => Intl.DateTimeFormat().resolvedOptions().timeZone, undefined),
      device: state.device ?? 'desktop',
      viewport: { w: win.innerWidth, h: win.innerHeight },
      userAgent: nav.userAgent,
      user: {
        id: state.user.id,
        anonymousId: state.user.anonymousId,
        traits: { ...state.user.traits },
      },
      session: deps.visitor.session(),
      appVersion: options.appVersion,
      custom: options.context as
        | Record<string, unknown>
        | (() => Record<string, unknown>)
        | undefined,
      keepQuery: options.redact?.query ?? [],
      // Global Privacy Control or Do Not Track: no usage context beyond path and locale.
      restricted: nav.globalPrivacyControl === true || nav.doNotTrack === '1',
      onError: log.error,
    }
    const make = ({ collectContext }: { collectContext: (i: ContextInput) => UsageContext }) => {
      let out: SondeEvent | null = { ...event, context: collectContext(input) }
      if (options.beforeSend) {
        // A hook that throws, or gives back something other than the event (one that forgot
        // to return it, an async one), drops it: the host may have meant to redact it, so it
        // is said rather than lost without a word, but never sent as it was.
        try {
          // Made by buildSurveyEvent or a tour's flow, each type with the fields it promises.
          out = options.beforeSend(out as OutgoingEvent)
        } catch (error) {
          log.error('beforeSend threw; the event is dropped', error)
          return null
        }
        if (out !== null && (typeof out?.id !== 'string' || typeof out.type !== 'string')) {
          log.error('beforeSend: expected the event or null; the event is dropped', out)
          return null
        }
      }
      return out
    }
    target
      .enqueueWith(make)
      .then((stored) => {
        if (stored !== null) deps.emitter.emit('delivery:queued', { pending: target.pending() })
      })
      .catch((error) => log.error('could not queue an event', error))
  }
}
