import type { Sonde } from './types'

/**
 * A Sonde that stands in while the real one is being made (the validator chunk is loading): its
 * calls wait, in order, and then go to the Sonde `pending` resolves to. `pending` must not
 * reject (resolve to an inert Sonde instead).
 */
export function createDeferredSonde(pending: Promise<Sonde>): Sonde {
  let target: Sonde | null = null
  const waiting: Array<(sonde: Sonde) => void> = []
  const later = (run: (sonde: Sonde) => void) => {
    if (target) run(target)
    else waiting.push(run)
  }
  void pending.then((sonde) => {
    target = sonde
    for (const run of waiting.splice(0)) run(sonde)
  })
  return {
    identify: (...args) => later((s) => s.identify(...args)),
    track: (...args) => later((s) => s.track(...args)),
    page: () => later((s) => s.page()),
    show: (id) => later((s) => s.show(id)),
    startTour: (id) => later((s) => s.startTour(id)),
    canShow: (id, kind) => (target ? target.canShow(id, kind) : { ok: false, reason: 'loading' }),
    on(type, handler) {
      let off: (() => void) | null = null
      let cancelled = false
      later((s) => {
        if (!cancelled) off = s.on(type, handler)
      })
      return () => {
        cancelled = true
        off?.()
      }
    },
    off: (type, handler) => later((s) => s.off(type, handler)),
    flush: () => new Promise((resolve) => later((s) => resolve(s.flush()))),
    optIn: () => later((s) => s.optIn()),
    optOut: () => later((s) => s.optOut()),
    reset: () => later((s) => s.reset()),
    destroy: () => later((s) => s.destroy()),
  }
}
