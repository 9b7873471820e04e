import type { InitOptions } from '@sonde/core'
import { createDeferredSonde } from './runtime/createDeferredSonde'
import type { Sonde } from './runtime/types'
import { startSonde } from './start'

/**
 * Starts Sonde on this page and returns its instance. Bad options or config produce exactly one
 * `console.error` naming every failing field, and an instance that accepts every call and does
 * nothing; no exception ever reaches the host. On a server (no `window`) it returns that inert
 * instance too. Options not yet seen valid on this site are checked by a chunk loaded on demand:
 * until then calls wait, in order, and the error (if any) comes once it has run.
 */
export function init(options: InitOptions): Sonde {
  const sonde = startSonde(options, {
    survey: () => import('./chunks/survey'),
    tour: () => import('./chunks/tour'),
    validator: () => import('./validate/index'),
    delivery: () => import('./chunks/delivery'),
  })
  return sonde instanceof Promise ? createDeferredSonde(sonde) : sonde
}
