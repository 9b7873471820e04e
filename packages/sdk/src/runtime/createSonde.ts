import {
  type Config,
  compileTargeting,
  createTargetingState,
  historyKey,
  type InitOptions,
  recordEvent,
  recordIdentity,
  recordPageView,
  type Signal,
  type SondeEvent,
  startSession,
  type TargetingState,
} from '@sonde/core'
import { idbConfigCache, noConfigCache } from '../config/configCache'
import { watchRemoteConfig } from '../config/fetchConfig'
import { collectContext } from '../context/collectContext'
import { detectDevice } from '../context/detectDevice'
import { type KeyValue, localKeyValue, memoryKeyValue } from '../context/keyValue'
import { recordInSession, type SessionState, touchSession } from '../context/session'
import { storeName } from '../delivery/openStore'
import { type Delivery, startDelivery } from '../delivery/startDelivery'
import { uuidv7 } from '../uuidv7'
import { createEmitter } from './createEmitter'
import type { Logger } from './createLogger'
import { createPresenter, type Mount } from './createPresenter'
import type { FlowContext } from './flowContext'
import { mergeStored } from './mergeStored'
import { mountSurveyFlow } from './mountSurveyFlow'
import { mountTourFlow } from './mountTourFlow'
import { persistState } from './persistState'
import type { Sonde, SondeEvents } from './types'
import type { UiLoaders } from './uiModules'
import { watchNavigation } from './watchNavigation'
import { watchPageSignals } from './watchPageSignals'

export interface SondeDeps {
  win: Window
  log: Logger
  ui: UiLoaders
  sdkVersion: string
}

/**
 * A working Sonde over valid init options and a config (maybe still loading). Calls made before
 * the stored state and the config are ready wait for them, in order. Every entry point is
 * guarded: nothing throws into the host.
 */
export function createSonde(
  options: InitOptions,
  source: Config | { url: string },
  deps: SondeDeps,
): Sonde {
  const { win, log } = deps
  const endpoint = new URL(options.endpoint, win.document.baseURI).href
  const ns = storeName(endpoint, options.key)
  const nav = win.navigator as Navigator & { globalPrivacyControl?: boolean }
  const restricted = nav.globalPrivacyControl === true || nav.doNotTrack === '1'
  const locale = options.locale ?? nav.language ?? 'en'
  const emitter = createEmitter<SondeEvents>((type, error) =>
    log.error(`a listener of ${String(type)} threw`, error),
  )
  const persistence = persistState(`${ns}-state`)
  let consent = options.consent ?? 'granted'
  let optedOut = safe(() => win.localStorage.getItem(`${ns}:optout`) === '1', false)
  let kv: KeyValue = memoryKeyValue()
  let delivery: Delivery | null = null
  let state = createTargetingState({ anonymousId: '', sessionId: '', now: Date.now() })
  let cfg: Config = {}
  let destroyed = false

  const allowed = () => consent === 'granted' && !optedOut && !destroyed
  const applyConsent = () => {
    kv = allowed() ? localKeyValue(`${ns}:`) : memoryKeyValue()
    if (allowed() && !delivery) {
      delivery = startDelivery({
        endpoint,
        key: options.key,
        sdkVersion: deps.sdkVersion,
        win,
        onDrop: (event, reason) => emitter.emit('delivery:dropped', { event, reason }),
        onDegraded: (error) => emitter.emit('delivery:degraded', { error }),
        onFlushed: (result) => {
          if (result.sent > 0) emitter.emit('delivery:sent', result)
        },
      })
    } else if (!allowed() && delivery) {
      delivery.stop()
      delivery = null
    }
  }
  applyConsent()

  const anonymousId = () => {
    const saved = kv.get('anon')
    if (saved) return saved
    const id = uuidv7()
    kv.set('anon', id)
    return id
  }
  const session = (what?: { pageView: true } | { event: string }): SessionState =>
    what ? recordInSession(kv, Date.now(), uuidv7, what) : touchSession(kv, Date.now(), uuidv7)
  const update = (next: TargetingState) => {
    state = next
    if (allowed()) persistence.save(state)
  }

  const send = (event: SondeEvent) => {
    const target = delivery
    if (!target) return
    const context = collectContext({
      now: Date.now(),
      page: {
        href: win.location.href,
        title: win.document.title,
        referrer: win.document.referrer,
        ...signals.view,
      },
      locale,
      timezone: safe(() => Intl.DateTimeFormat().resolvedOptions().timeZone, undefined),
      device: state.device ?? 'desktop',
      viewport: { w: win.innerWidth, h: win.innerHeight },
      userAgent: nav.userAgent,
      user: {
        id: state.user.id,
        anonymousId: state.user.anonymousId,
        traits: { ...state.user.traits },
      },
      session: session(),
      appVersion:
        options.appVersion ??
        (options.context as { app?: { version?: string } } | undefined)?.app?.version,
      custom: options.context as
        | Record<string, unknown>
        | (() => Record<string, unknown>)
        | undefined,
      keepQuery: options.redact?.query ?? [],
      restricted,
      onError: (error) => log.error('context() threw', error),
    })
    let out: SondeEvent | null = { ...event, context }
    if (options.beforeSend) {
      try {
        out = (options.beforeSend as (e: SondeEvent) => SondeEvent | null)(out)
      } catch (error) {
        log.error('beforeSend threw; the event is sent unchanged', error)
      }
    }
    if (!out) return
    target
      .enqueue(out)
      .then(() => emitter.emit('delivery:queued', { pending: target.pending() }))
      .catch((error) => log.error('could not queue an event', error))
  }

  const flow: FlowContext = {
    locale,
    theme: options.theme,
    now: () => Date.now(),
    newId: () => uuidv7(),
    send,
    emit: (type, payload) => emitter.emit(type, payload),
    record: (reduce) => update(reduce(state)),
    kv: () => kv,
  }
  const presenter = createPresenter({ lockName: `${ns}:screen`, win, log })
  // A remote config is cached (with consent) and revalidated in the background; a newer one
  // applies from the next signal on, what is on screen stays.
  const remote =
    'url' in source
      ? watchRemoteConfig(source.url, {
          log,
          cache: allowed() ? idbConfigCache(`${ns}-config`) : noConfigCache,
          onUpdate: (next) =>
            queue(() => {
              cfg = next
            }),
        })
      : null
  const config = remote ? remote.first : Promise.resolve(source as Config)

  // With the screen lock held, just before mounting: what the other tabs stored since this one
  // loaded (a survey answered there, the cooldown it started) is merged in and the item is
  // checked again, so that one person is not asked twice for keeping two tabs open.
  const recheck =
    (kind: 'survey' | 'tour', id: string, mount: Mount): Mount =>
    async (release, life) => {
      const stored = allowed() ? await persistence.load() : null
      if (!life.active()) return null
      if (stored) state = mergeStored(state, stored)
      const verdict = compileTargeting(cfg).canShow({ kind, id }, state, Date.now())
      if (!verdict.ok) {
        log.debug(`${kind} ${id} not shown: ${verdict.message ?? verdict.reason}`)
        return null
      }
      return mount(release, life)
    }
  /** Shows a survey or tour now or after its delay; a tour left mid-way resumes at `resumeAt`. */
  const present = (
    kind: 'survey' | 'tour',
    id: string,
    delaySeconds: number,
    resumeAt?: number,
  ) => {
    let mount: Mount | null = null
    if (kind === 'survey') {
      const survey = cfg.surveys?.find((s) => s.id === id)
      if (survey) mount = recheck(kind, id, mountSurveyFlow(survey, deps.ui.survey, flow))
    } else {
      const tour = cfg.tours?.find((t) => t.id === id)
      // A resumed tour is not checked again: it was shown already, and goes on where it was.
      if (tour && resumeAt !== undefined) mount = mountTourFlow(tour, resumeAt, deps.ui.tour, flow)
      else if (tour) mount = recheck(kind, id, mountTourFlow(tour, 0, deps.ui.tour, flow))
    }
    return !!mount && presenter.request(mount, delaySeconds)
  }
  const evaluate = (signal: Signal) => {
    if (destroyed || presenter.busy()) return
    const { eligible, skipped } = compileTargeting(cfg).evaluate(state, signal, Date.now())
    for (const skip of skipped) {
      if (skip.reason !== 'trigger') log.debug(`${skip.kind} ${skip.id} not shown: ${skip.message}`)
    }
    for (const item of eligible) if (present(item.kind, item.id, item.delaySeconds)) return
  }
  // A tour left mid-way (a reload, a new page) goes on where it was, whatever its triggers say.
  const resumeTour = () => {
    for (const tour of cfg.tours ?? []) {
      const step = state.history[historyKey('tour', tour.id)]?.step
      if (typeof step === 'number' && step >= 0 && present('tour', tour.id, 0, step)) return true
    }
    return false
  }

  const timeThresholds = (c: Config) =>
    [...(c.surveys ?? []), ...(c.tours ?? [])].flatMap((item) =>
      item.trigger && 'timeOnPageSeconds' in item.trigger ? [item.trigger.timeOnPageSeconds] : [],
    )
  const signals = watchPageSignals(
    (signal) => guard(() => evaluate(signal)),
    () => timeThresholds(cfg),
    win,
  )
  const pageView = (url: string) => {
    session({ pageView: true })
    update(recordPageView(state, url))
    evaluate({ type: 'page', url })
  }
  const onRoute = (url: string) => {
    presenter.cancelPending()
    presenter.current()?.route?.(url)
    signals.restart()
    pageView(url)
  }
  const stopNavigation = watchNavigation((url) => queue(() => onRoute(url)), win)

  // Everything waits for the stored state and the config; calls keep their order.
  let ready: Promise<void> = Promise.all([allowed() ? persistence.load() : null, config]).then(
    ([saved, loaded]) => {
      cfg = loaded
      const s = session()
      const device = detectDevice({
        userAgent: nav.userAgent,
        mobile: (nav as Navigator & { userAgentData?: { mobile?: boolean } }).userAgentData?.mobile,
        width: win.screen?.width ?? win.innerWidth,
        touchPoints: nav.maxTouchPoints ?? 0,
      })
      const base =
        saved ??
        createTargetingState({
          anonymousId: anonymousId(),
          sessionId: s.id,
          now: s.startedAt,
          url: win.location.href,
        })
      state = { ...base, device, locale }
      if (state.session.id !== s.id) state = startSession(state, s.id, s.startedAt)
      if (options.user?.id)
        state = recordIdentity(state, options.user.id, options.user.traits ?? {})
      signals.restart()
      resumeTour()
      pageView(win.location.href)
    },
  )
  function queue(task: () => void) {
    if (destroyed) return
    ready = ready.then(() => guard(task)).catch((error) => log.error('could not start', error))
  }
  function guard(task: () => void) {
    try {
      task()
    } catch (error) {
      log.error('internal error', error)
    }
  }

  return {
    identify: (userId, traits = {}) =>
      queue(() => {
        if (typeof userId !== 'string' || !userId) return log.error('identify: expected a user id')
        update(recordIdentity(state, userId, traits))
      }),
    track: (name, properties) =>
      queue(() => {
        if (typeof name !== 'string' || !name) return log.error('track: expected an event name')
        session({ event: name })
        update(recordEvent(state, name))
        presenter.current()?.signal?.(name)
        // `track(name, null)` from plain JS: no properties, rather than a `where` filter
        // throwing on null and the event evaluating nothing at all.
        const props = typeof properties === 'object' && properties !== null ? properties : {}
        evaluate({ type: 'event', name, properties: props })
      }),
    page: () => queue(() => onRoute(win.location.href)),
    show: (surveyId) => queue(() => evaluate({ type: 'manual', kind: 'survey', id: surveyId })),
    startTour: (tourId) => queue(() => evaluate({ type: 'manual', kind: 'tour', id: tourId })),
    canShow: (id, kind = 'survey') =>
      safe(
        () =>
          state.session.id
            ? compileTargeting(cfg).canShow({ kind, id }, state, Date.now())
            : { ok: false as const, reason: 'loading' },
        { ok: false as const, reason: 'error' },
      ),
    on: (type, handler) => emitter.on(type, handler),
    off: (type, handler) => emitter.off(type, handler),
    flush: async () => {
      try {
        await ready
        return (await delivery?.flush()) ?? { sent: 0, pending: 0 }
      } catch {
        return { sent: 0, pending: delivery?.pending() ?? 0 }
      }
    },
    optIn: () =>
      guard(() => {
        consent = 'granted'
        optedOut = false
        safe(() => win.localStorage.removeItem(`${ns}:optout`), undefined)
        applyConsent()
      }),
    optOut: () =>
      guard(() => {
        optedOut = true
        // The one thing remembered after opting out is the choice itself.
        safe(() => win.localStorage.setItem(`${ns}:optout`, '1'), undefined)
        applyConsent()
      }),
    reset: () =>
      queue(() => {
        kv.remove('anon')
        kv.remove('session')
        const s = session()
        const fresh = { anonymousId: anonymousId(), sessionId: s.id, now: Date.now(), locale }
        update({
          ...createTargetingState({ ...fresh, url: win.location.href }),
          device: state.device,
        })
      }),
    destroy: () =>
      guard(() => {
        destroyed = true
        remote?.stop()
        presenter.close()
        signals.stop()
        stopNavigation()
        delivery?.stop()
        delivery = null
        emitter.clear()
      }),
  }
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    return fallback
  }
}
