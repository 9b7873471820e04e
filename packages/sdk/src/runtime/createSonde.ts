import {
  type Config,
  createTargetingState,
  type InitOptions,
  recordPageView,
  startSession,
  type TargetingState,
} from '@sonde/core'
import { idbConfigCache } from '../config/configCache'
import { type RemoteConfig, watchRemoteConfig } from '../config/watchRemoteConfig'
import { holdingWrites, type KeyValue } from '../context/keyValue'
import { deferDelivery } from '../delivery/deferDelivery'
import { storeName } from '../delivery/storeName'
import type { Chunks } from './chunks'
import { createApi } from './createApi'
import { createCallQueue } from './createCallQueue'
import { createConsent } from './createConsent'
import { createEmitter } from './createEmitter'
import type { Logger } from './createLogger'
import { createPresenter } from './createPresenter'
import { createPrompter } from './createPrompter'
import { createVisitor } from './createVisitor'
import type { FlowContext } from './flowContext'
import { mergeStored } from './mergeStored'
import { pageBase } from './pageBase'
import { persistState } from './persistState'
import { restoreState } from './restoreState'
import type { RuntimeState } from './runtimeState'
import { timeThresholds } from './timeThresholds'
import type { Sonde, SondeEvents } from './types'
import { watchNavigation } from './watchNavigation'
import { watchPageSignals } from './watchPageSignals'

export interface SondeDeps {
  win: Window
  log: Logger
  chunks: Chunks
  sdkVersion: string
  /** Runs once storage is allowed, with this Sonde's storage (where the options memo goes). */
  whenAllowed?: ((kv: KeyValue) => void) | undefined
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
  const endpoint = new URL(options.endpoint, pageBase()).href
  const ns = storeName(endpoint, options.key)
  const nav = win.navigator
  const locale = options.locale ?? nav.language ?? 'en'
  const emitter = createEmitter<SondeEvents>((type, error) =>
    log.error(`a listener of ${type} threw`, error),
  )
  const persistence = persistState(`${ns}-state`)
  const runtime: RuntimeState = {
    state: createTargetingState({ anonymousId: '', sessionId: '', now: Date.now() }),
    cfg: {},
    destroyed: false,
  }
  const consent = createConsent({
    ns,
    consent: options.consent,
    stopped: () => runtime.destroyed,
    persistence,
    onGranted: () => calls.queue(adopt),
    startDelivery: () =>
      deferDelivery(deps.chunks.delivery, {
        endpoint,
        key: options.key,
        sdkVersion: deps.sdkVersion,
        win,
        log,
        onDrop: (event, reason) => emitter.emit('delivery:dropped', { event, reason }),
        onDegraded: (error) => emitter.emit('delivery:degraded', { error }),
        onFlushed: (result) => {
          if (result.sent > 0) emitter.emit('delivery:sent', result)
        },
      }),
  })
  if (consent.allowed()) deps.whenAllowed?.(consent.kv())
  // A tab left open past the session timeout starts a new session at its next page view,
  // event or answer, as the wire's context.session does: its page views, prompts and dismissals
  // start again too.
  const visitor = createVisitor(consent.kv, (s) => {
    if (runtime.state.session.id !== s.id)
      runtime.state = startSession(runtime.state, s.id, s.startedAt)
    return s
  })
  const update = (next: TargetingState) => {
    runtime.state = next
    // Stored without the page's URL, which is this tab's only and may hold a reset token or an
    // OAuth fragment that must not outlive the page.
    if (consent.allowed()) persistence.save({ ...next, page: { url: '' } })
  }
  const flow: FlowContext = {
    sending: {
      ...{ win, options, locale, log, emitter, runtime, visitor },
      view: () => signals.view,
      delivery: consent.delivery,
    },
    record: (reduce) => update(reduce(runtime.state)),
  }
  // One screen for the origin, not per project: two Sondes on a page or in two tabs (two teams'
  // projects, an npm build beside another's script tag) show one prompt or tour at a time.
  const presenter = createPresenter({ lockName: 'sonde:screen', win, log })
  // A remote config is cached and revalidated in the background; a newer one applies from the
  // next signal on (its seconds-on-page timed on this page), what is on screen stays. It is
  // asked for with consent only (DESIGN: no requests without it): at the start, or at optIn().
  const useConfig = (next: Config) => {
    // Destroyed while it loaded: no timer armed after the teardown.
    if (runtime.destroyed) return
    runtime.cfg = next
    signals.arm()
  }
  let remote: RemoteConfig | undefined
  const watchRemote = ({ url }: { url: string }) => {
    remote ??= watchRemoteConfig(url, {
      log,
      validator: deps.chunks.validator,
      cache: idbConfigCache(`${ns}-config`, consent.allowed),
      allowed: consent.allowed,
      onUpdate: (next) => calls.queue(() => useConfig(next)),
    })
    return remote.first
  }
  const config =
    'url' in source ? (consent.allowed() ? watchRemote(source) : {}) : (source as Config)
  const prompter = createPrompter({
    ...{ runtime, presenter, flow, log, persistence },
    chunks: deps.chunks,
    allowed: consent.allowed,
  })
  const signals = watchPageSignals(
    (signal) => calls.guard(() => prompter.evaluate(signal)),
    () => timeThresholds(runtime.cfg),
    win,
  )
  const pageView = (url: string) => {
    // The visit's page views, as context.session sends them: those of this visitor's other tabs
    // count for a session page views rule too. Read first: a new visit moves the state to it.
    const { pageViews } = visitor.session({ pageView: true })
    update(recordPageView(runtime.state, url, pageViews))
    prompter.evaluate({ type: 'page', url })
  }
  const onRoute = async (url: string) => {
    presenter.cancelPending()
    presenter.current()?.route?.(url)
    signals.restart(runtime.state.page.url)
    // What the visitor's other pages stored since this one read it: another tab, or a later page
    // of this one that Back shows again from the back/forward cache (its memory is as it was
    // left), may have moved a tour on or ended it, which this page view must not resume.
    if (consent.allowed()) await persistence.load(runtime)
    pageView(url)
  }
  // Consent given on this page (a banner's optIn): the visitor, their visit and what they saw
  // come from storage from now on, with what this page did before (its view, a prompt shown).
  const adopt = async () => {
    deps.whenAllowed?.(consent.kv())
    // Not asked for until now; one already watched (consent withdrawn and given again) stays.
    if ('url' in source && !remote) useConfig(await watchRemote(source))
    const before = runtime.state
    const restored = restoreState(await persistence.load(), {
      ...{ win, locale, visitor },
      user: options.user,
    })
    runtime.state = mergeStored(restored, { ...before, user: restored.user })
    pageView(win.location.href)
  }
  const stopNavigation = watchNavigation((url) => calls.queue(() => onRoute(url)), win)

  // Everything waits for the stored state and the config; calls keep their order.
  const start = Promise.all([consent.allowed() ? persistence.load() : null, config]).then(
    ([saved, loaded]) => {
      // Destroyed while starting: no tour resumed, no timer re-armed after the teardown.
      if (runtime.destroyed) return
      runtime.cfg = loaded
      runtime.state = restoreState(saved, { win, locale, user: options.user, visitor })
      signals.restart()
      pageView(win.location.href)
    },
  )
  const calls = createCallQueue(start, log, () => runtime.destroyed, holdingWrites)
  return createApi({
    ...{ win, log, locale, runtime, calls, consent, visitor, presenter, prompter, emitter },
    update,
    onRoute,
    teardown: () => {
      remote?.stop()
      presenter.close()
      signals.stop()
      stopNavigation()
      consent.stop()
      emitter.clear()
    },
  })
}
