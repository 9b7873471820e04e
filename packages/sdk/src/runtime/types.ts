import type { Answer, FlushResult, SkipReason, SondeEvent, WireMetric } from '@sonde/core'
import type { DismissReason, TourDismissReason } from '@sonde/ui'

/**
 * Why `canShow` says no: a targeting reason (`frequency.recontact`, `unknown` for an id not in
 * the config…), or the state of this Sonde: `consent` (pending, denied or opted out), `busy`
 * (another on screen or due), `loading`, `destroyed`, `invalid options`, `error` (could not
 * start) or `no window` (a server).
 */
export type ShowReason =
  | SkipReason
  | 'consent'
  | 'busy'
  | 'loading'
  | 'destroyed'
  | 'invalid options'
  | 'error'
  | 'no window'

/** Whether a survey or tour could be shown now, and if not why (`message`: in words, npm only). */
export type ShowCheck = { ok: true } | { ok: false; reason: ShowReason; message?: string }

/** What each `on()` event carries. Its names only: a misspelt one is a type error. */
export interface SondeEvents {
  /** A survey came on screen (in a tab the visitor sees); `responseId` names its answers. */
  'survey:shown': { surveyId: string; responseId: string }
  /** A question was answered: `answers` so far, `seq` counting up within the response. */
  'survey:answered': { surveyId: string; responseId: string; answers: Answer[]; seq: number }
  /** The last question was answered; `metric` is the score of an nps, csat or ces survey. */
  'survey:completed': {
    surveyId: string
    responseId: string
    answers: Answer[]
    metric?: WireMetric | undefined
  }
  /** Closed before its end (`close`, `escape`, or `api`: by Sonde, as on `destroy()`). */
  'survey:dismissed': {
    surveyId: string
    responseId: string
    answers: Answer[]
    reason: DismissReason
  }
  /** A tour's first step came on screen. */
  'tour:started': { tourId: string }
  /**
   * A step was left by moving on (Next, Back, a click on its target, its event): its id, its
   * index from 0, and how long it was on screen in ms, paused time excluded.
   */
  'tour:step': { tourId: string; stepId: string; index: number; dwellMs: number }
  /** The last step was done. */
  'tour:completed': { tourId: string }
  /** Ended before its last step (`esc`, `close`, `overlay`, `route`, `missing_target`, `api`). */
  'tour:dismissed': { tourId: string; stepId: string; reason: TourDismissReason }
  /** An event is stored in the outbox; `pending` counts what waits to be sent. */
  'delivery:queued': { pending: number }
  /** A send was acked; `pending` counts what still waits. */
  'delivery:sent': { sent: number; pending: number }
  /** An event will never be sent: refused by the endpoint, too large, or evicted by the caps. */
  'delivery:dropped': { event: SondeEvent; reason: string }
  /** Storage failed (IndexedDB missing, hung or full): what waits is held in memory only. */
  'delivery:degraded': { error: unknown }
}

/** The object `init()` returns and `window.sonde` becomes. No method ever throws. */
export interface Sonde {
  // `object`: the host's interfaces and classes (its user model) have no index signature.
  /**
   * Names the signed-in user, for audience rules and the context of answers. `traits` are kept
   * as JSON keeps them; a cycle, a string or an array is refused with one console error.
   */
  identify(userId: string, traits?: object): void
  /**
   * A product event (`export_completed`), for event triggers, event-count audiences and tour
   * steps that advance on it. Name events by action, not by record.
   */
  track(name: string, properties?: object): void
  /**
   * A page view. Sonde sees SPA navigation itself: call it only for a view the URL does not
   * show, or it is counted twice.
   */
  page(): void
  /** Shows the survey now if its audience, schedule and frequency allow (see `canShow`). */
  show(surveyId: string): void
  /** Starts the tour now if its audience, schedule and frequency allow. */
  startTour(tourId: string): void
  /** Whether a survey (or, with `kind: 'tour'`, a tour) could be shown now, and if not why. */
  canShow(id: string, kind?: 'survey' | 'tour'): ShowCheck
  /** Calls `handler` with each event of `type`; returns the function that removes it. */
  on<K extends keyof SondeEvents>(type: K, handler: (payload: SondeEvents[K]) => void): () => void
  /** Removes a handler `on()` added (one never added is ignored). */
  off<K extends keyof SondeEvents>(type: K, handler: (payload: SondeEvents[K]) => void): void
  /** Sends everything pending now; resolves to `{ sent, pending }` and never rejects. */
  flush(): Promise<FlushResult>
  /** Consent given: Sonde may store, send and show surveys, from now on and in every tab. */
  optIn(): void
  /**
   * Consent withdrawn, in every tab: nothing stored, sent or shown, and the visitor forgotten
   * (ids, traits, display history and answers not yet sent).
   */
  optOut(): void
  /** A new anonymous visitor, the user cleared (sign-out); answers given are still sent. */
  reset(): void
  /** Removes every listener, timer and element Sonde added; the instance then does nothing. */
  destroy(): void
}
