import type { Answer, FlushResult, SondeEvent, WireMetric } from '@sonde/core'

/** Why `canShow` said no: a targeting reason, or the state of this Sonde. */
export type ShowCheck = { ok: true } | { ok: false; reason: string; message?: string }

/** What each `on()` event carries. Its names only: a misspelt one is a type error. */
export interface SondeEvents {
  'survey:shown': { surveyId: string; responseId: string }
  'survey:answered': { surveyId: string; responseId: string; answers: Answer[]; seq: number }
  'survey:completed': {
    surveyId: string
    responseId: string
    answers: Answer[]
    metric?: WireMetric | undefined
  }
  'survey:dismissed': { surveyId: string; responseId: string; answers: Answer[]; reason: string }
  'tour:started': { tourId: string }
  'tour:step': { tourId: string; stepId: string; index: number; dwellMs: number }
  'tour:completed': { tourId: string }
  'tour:dismissed': { tourId: string; stepId: string; reason: string }
  /** An event is stored in the outbox; `pending` counts what waits to be sent. */
  'delivery:queued': { pending: number }
  /** A send was acked; `pending` counts what still waits. */
  'delivery:sent': { sent: number; pending: number }
  'delivery:dropped': { event: SondeEvent; reason: string }
  'delivery:degraded': { error: unknown }
}

/** The object `init()` returns and `window.sonde` becomes. No method ever throws. */
export interface Sonde {
  // `object`: the host's interfaces and classes (its user model) have no index signature.
  identify(userId: string, traits?: object): void
  track(name: string, properties?: object): void
  page(): void
  show(surveyId: string): void
  startTour(tourId: string): void
  /** Whether a survey (or, with `kind: 'tour'`, a tour) could be shown now, and if not why. */
  canShow(id: string, kind?: 'survey' | 'tour'): ShowCheck
  on<K extends keyof SondeEvents>(type: K, handler: (payload: SondeEvents[K]) => void): () => void
  off<K extends keyof SondeEvents>(type: K, handler: (payload: SondeEvents[K]) => void): void
  /** Sends everything pending now; resolves to `{ sent, pending }` and never rejects. */
  flush(): Promise<FlushResult>
  optIn(): void
  optOut(): void
  reset(): void
  destroy(): void
}
