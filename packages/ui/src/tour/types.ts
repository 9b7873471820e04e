import type { Theme, TourStep } from '@sonde/core'

/** Why a tour ended before its last step. */
export type TourDismissReason = 'esc' | 'close' | 'overlay' | 'route' | 'missing_target' | 'api'

/** A step came on screen (first time for this visit of the step): persist it to resume there. */
export interface TourShowEvent {
  stepId: string
  index: number
}

/** A step was left by moving on (Next, Back, a click on its target, its event). */
export interface TourStepEvent {
  stepId: string
  index: number
  /** How long the step was on screen, paused time excluded. */
  dwellMs: number
  /** The step moved to (`steps.length` when the tour is done), before its target is found. */
  to: number
}

/** The last step was done. */
export interface TourCompleteEvent {
  /** How long the tour was on screen in all, paused time excluded. */
  dwellMs: number
}

/** The tour ended early, on the step it was at. */
export interface TourDismissEvent {
  stepId: string
  index: number
  reason: TourDismissReason
}

/** The callbacks of a tour. None fires after the tour completed or was dismissed. */
export interface TourCallbacks {
  onShow?: (event: TourShowEvent) => void
  onStep?: (event: TourStepEvent) => void
  onComplete?: (event: TourCompleteEvent) => void
  onDismiss?: (event: TourDismissEvent) => void
  /** The tour left the page (after completion, dismissal or `close()`). */
  onClose?: () => void
}

/**
 * Finds a step's element from the JS API, e.g. inside an open shadow root or a same-origin iframe:
 * `(step) => step.id === 'export' ? app.shadowRoot?.querySelector('#export') ?? null : undefined`.
 * `null` means "not there yet" (the missing-target policy applies); `undefined` means "no
 * function target for this step", so its CSS `target` is used, or it is centred without one.
 * It is asked again after each change in the document; once found, changes inside the target's
 * own shadow root are watched too, but a target awaited inside a shadow tree that is already
 * there is only re-checked when the document itself changes.
 */
export type ResolveTarget = (step: TourStep) => Element | null | undefined

/** Options of `mountTour`. */
export interface TourOptions extends TourCallbacks {
  /** BCP 47 tag of the user; default: the tour's locale, else `en`. */
  locale?: string
  theme?: Theme
  /** CSP nonce for the `<style>` fallback used when constructable stylesheets are missing. */
  nonce?: string
  /** Where the host element goes; default `document.body`. */
  container?: Element
  /** Index of the step to start at, to resume a tour after a reload or navigation. */
  startAt?: number
  resolveTarget?: ResolveTarget
}

/** A mounted tour. Every method is a no-op once the tour has ended. */
export interface TourHandle {
  /** The host element holding the open shadow root. */
  readonly host: HTMLElement
  /** Settles once the first step is on screen, or the tour has ended. */
  readonly ready: Promise<void>
  next(): void
  back(): void
  /** Ends the tour, reporting `onDismiss` with `reason` (default `'api'`). */
  close(reason?: TourDismissReason): void
  /** Hides the tour without ending it (dwell time stops). */
  pause(): void
  resume(): void
  /** A tracked event happened: advances a step whose `advanceOn.event` is `name`. */
  signal(name: string): void
}
