import { keepArrays } from '../keepArrays'
import { createInertSonde } from './createInertSonde'
import { safe } from './safe'
import type { Sonde } from './types'

type Method = (...args: unknown[]) => unknown

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
  const deferred: Record<string, Method> = {}
  for (const name of Object.keys(createInertSonde()))
    deferred[name] = (...args) =>
      later((s) => (s as unknown as Record<string, Method>)[name]?.(...args))
  const sonde = deferred as unknown as Sonde
  sonde.canShow = (id, kind) =>
    target ? target.canShow(id, kind) : { ok: false, reason: 'loading' }
  sonde.on = (type, handler) => {
    let off: (() => void) | null = null
    let cancelled = false
    later((s) => {
      if (!cancelled) off = s.on(type, handler)
    })
    return () => {
      cancelled = true
      off?.()
    }
  }
  // The host may change its object before the Sonde is ready (reused for the next export, a
  // user model updated): traits and properties go as they are at the call. What cannot be
  // copied goes as it is, for the Sonde to refuse with its error.
  sonde.identify = (userId, traits) => {
    const now = safe(() => JSON.parse(JSON.stringify(traits ?? {}, keepArrays)), traits)
    later((s) => s.identify(userId, now))
  }
  sonde.track = (name, properties) => {
    const now = safe(() => ({ ...properties }), properties)
    later((s) => s.track(name, now))
  }
  sonde.flush = () => new Promise((resolve) => later((s) => resolve(s.flush())))
  return sonde
}
