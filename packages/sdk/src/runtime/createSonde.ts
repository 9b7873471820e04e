import {
  type Answer,
  type Config,
  compileTargeting,
  createTargetingState,
  type InitOptions,
  recordCompleted,
  recordDismissed,
  recordEvent,
  recordIdentity,
  recordPageView,
  recordShown,
  type Signal,
  type SondeEvent,
  type Survey,
  startSession,
  type TargetingState,
} from '@sonde/core'
import { collectContext } from '../context/collectContext'
import { detectDevice } from '../context/detectDevice'
import { type KeyValue, localKeyValue, memoryKeyValue } from '../context/keyValue'
import { recordInSession, type SessionState, touchSession } from '../context/session'
import { storeName } from '../delivery/openStore'
import { type Delivery, startDelivery } from '../delivery/startDelivery'
import { uuidv7 } from '../uuidv7'
import { buildSurveyEvent } from './buildEvent'
import { createEmitter } from './createEmitter'
import type { Logger } from './createLogger'
import { createPresenter, type UiModule } from './createPresenter'
import { persistState } from './persistState'
import type { Sonde, SondeEvents } from './types'
import { watchNavigation } from './watchNavigation'
import { watchPageSignals } from './watchPageSignals'

export interface SondeDeps {
  win: Window
  log: Logger
  loadUi: () => Promise<UiModule>
  sdkVersion: string
}

/**
 * A working Sonde over a valid init and config. Calls made before the stored state has loaded
 * wait for it, in order. Every entry point is guarded: nothing throws into the host.
 */
export function createSonde(options: InitOptions, config: Promise<Config>, deps: SondeDeps): Sonde {
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
  let state: TargetingState
  let cfg: Config = {}
  let destroyed = false
  const responses = new Map<string, { id: string; seq: number; answers: Answer[] }>()

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
    if (!delivery) return
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
      appVersion: options.appVersion,
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
    if (out) delivery.enqueue(out).catch((error) => log.error('could not queue an event', error))
  }
  const surveyEvent = (
    type: SondeEvent['type'],
    survey: Survey,
    extra: { reason?: string; withMetric?: boolean } = {},
  ) => {
    const response = responses.get(survey.id)
    if (!response) return
    send(
      buildSurveyEvent(type, survey, response, {
        id: uuidv7(),
        at: new Date().toISOString(),
        ...extra,
      }),
    )
  }

  const presenter = createPresenter(
    { loadUi: deps.loadUi, lockName: `${ns}:screen`, locale, theme: options.theme, win, log },
    {
      shown(survey) {
        update(recordShown(state, 'survey', survey.id, Date.now()))
        const response = { id: uuidv7(), seq: 0, answers: [] }
        responses.set(survey.id, response)
        surveyEvent('survey.shown', survey)
        emitter.emit('survey:shown', { surveyId: survey.id, responseId: response.id })
      },
      answered(survey, answers, seq) {
        const response = responses.get(survey.id)
        if (!response) return
        Object.assign(response, { answers, seq })
        surveyEvent('survey.answered', survey)
        emitter.emit('survey:answered', {
          surveyId: survey.id,
          responseId: response.id,
          answers,
          seq,
        })
      },
      completed(survey, answers, seq) {
        const response = responses.get(survey.id)
        if (!response) return
        Object.assign(response, { answers, seq: seq + 1 })
        update(recordCompleted(state, 'survey', survey.id, Date.now()))
        surveyEvent('survey.completed', survey, { withMetric: true })
        const event = buildSurveyEvent('survey.completed', survey, response, {
          id: '',
          at: '',
          withMetric: true,
        })
        emitter.emit('survey:completed', {
          surveyId: survey.id,
          responseId: response.id,
          answers,
          metric: event.metric,
        })
      },
      dismissed(survey, answers, seq, reason) {
        const response = responses.get(survey.id)
        if (!response) return
        Object.assign(response, { answers, seq: seq + 1 })
        update(recordDismissed(state, 'survey', survey.id, Date.now()))
        surveyEvent('survey.dismissed', survey, { reason })
        emitter.emit('survey:dismissed', {
          surveyId: survey.id,
          responseId: response.id,
          answers,
          reason,
        })
      },
    },
  )

  const evaluate = (signal: Signal) => {
    if (destroyed || presenter.busy()) return
    const { eligible, skipped } = compileTargeting(cfg).evaluate(state, signal, Date.now())
    for (const skip of skipped)
      if (skip.reason !== 'trigger') log.debug('not shown', skip.id, skip.message)
    // Tours come with the tours package; surveys are presented here.
    for (const item of eligible) {
      const survey = item.kind === 'survey' ? cfg.surveys?.find((s) => s.id === item.id) : undefined
      if (survey && presenter.request(survey, item.delaySeconds)) return
    }
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
  const onRoute = (url: string) => {
    presenter.cancelPending()
    signals.restart()
    pageView(url)
  }
  const pageView = (url: string) => {
    session({ pageView: true })
    update(recordPageView(state, url))
    evaluate({ type: 'page', url })
  }
  const stopNavigation = watchNavigation((url) => guard(() => onRoute(url)), win)

  // Everything waits for the stored state and the config; calls keep their order.
  let ready: Promise<void> = Promise.all([allowed() ? persistence.load() : null, config]).then(
    ([saved, loaded]) => {
      cfg = loaded
      const now = Date.now()
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
          now,
          url: win.location.href,
        })
      state = { ...base, device, locale }
      if (state.session.id !== s.id) state = startSession(state, s.id, s.startedAt)
      if (options.user?.id)
        state = recordIdentity(state, options.user.id, options.user.traits ?? {})
      signals.restart()
      pageView(win.location.href)
    },
  )
  const queue = (task: () => void) => {
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
    track: (name, properties = {}) =>
      queue(() => {
        if (typeof name !== 'string' || !name) return log.error('track: expected an event name')
        session({ event: name })
        update(recordEvent(state, name))
        evaluate({ type: 'event', name, properties })
      }),
    page: () => queue(() => onRoute(win.location.href)),
    show: (surveyId) => queue(() => evaluate({ type: 'manual', kind: 'survey', id: surveyId })),
    startTour: (tourId) => queue(() => log.debug('tours are not available in this build', tourId)),
    canShow: (surveyId) =>
      safe(
        () =>
          state
            ? compileTargeting(cfg).canShow({ kind: 'survey', id: surveyId }, state, Date.now())
            : { ok: false as const, reason: 'loading' },
        { ok: false as const, reason: 'error' },
      ),
    on: (type, handler) => emitter.on(type, handler),
    off: (type, handler) => emitter.off(type, handler),
    flush: async () => {
      try {
        await ready
        const result = (await delivery?.flush()) ?? { sent: 0, pending: 0 }
        if (result.sent > 0) emitter.emit('delivery:sent', result)
        return result
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
        update(
          createTargetingState({
            anonymousId: anonymousId(),
            sessionId: s.id,
            now: Date.now(),
            url: win.location.href,
            locale,
          }),
        )
      }),
    destroy: () =>
      guard(() => {
        destroyed = true
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
