import type { ShowReason, Sonde } from './types'

/**
 * A Sonde that accepts every call and does nothing: what a bad config, an SSR import or
 * `destroy()` leave behind, so host code never has to check.
 */
export function createInertSonde(reason: ShowReason = 'loading'): Sonde {
  const noop = () => {}
  return {
    identify: noop,
    track: noop,
    page: noop,
    show: noop,
    startTour: noop,
    canShow: () => ({ ok: false, reason }),
    on: () => noop,
    off: noop,
    flush: () => Promise.resolve({ sent: 0, pending: 0 }),
    optIn: noop,
    optOut: noop,
    reset: noop,
    destroy: noop,
  }
}
