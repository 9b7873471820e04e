import { withTimeout } from '../delivery/withTimeout'
import { copyNow } from './copyNow'
import { createInertSonde } from './createInertSonde'
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
  // Traits and properties go as they are at the call, not once the Sonde is ready.
  sonde.identify = (userId, traits) => {
    const now = copyNow(traits)
    later((s) => s.identify(userId, now))
  }
  sonde.track = (name, properties) => {
    const now = copyNow(properties)
    later((s) => s.track(name, now))
  }
  // 10 s at most for the Sonde (its validator may never arrive, as with the script tag's): nothing
  // is pending before it has.
  sonde.flush = () =>
    withTimeout(new Promise<Sonde>(later), 10_000).then(
      (s) => s.flush(),
      () => ({ sent: 0, pending: 0 }),
    )
  return sonde
}
