import type { TargetingState } from '@sonde/core'
import type { SendDeps } from './createSend'

/** What a survey or tour on screen needs from the running Sonde. */
export interface FlowContext {
  /** What sending an event needs (see `createSend`), which the flows' chunks hold; the locale
   * and the theme the UI takes are its `locale` and `options.theme`. */
  sending: SendDeps
  /** Applies a targeting-state reducer (display history) and persists the result. */
  record(update: (state: TargetingState) => TargetingState): void
}
