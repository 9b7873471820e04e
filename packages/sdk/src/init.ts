import type { InitOptions } from '@sonde/core'
import { storeName } from './delivery/storeName'
import { createDeferredSonde } from './runtime/createDeferredSonde'
import { pageBase } from './runtime/pageBase'
import { safe } from './runtime/safe'
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
  // A page Chrome prerenders (speculation rules) may never be seen: Sonde starts once it is
  // activated, as the script tag does, calls waiting meanwhile as for the validator.
  if (typeof document !== 'undefined' && (document as { prerendering?: boolean }).prerendering)
    return createDeferredSonde(
      new Promise((resolve) =>
        addEventListener('prerenderingchange', () => resolve(init(options)), true),
      ),
    )
  if (typeof window !== 'undefined') besideScriptTag(window)
  const sonde = startSonde(options, {
    survey: () => import('./chunks/survey'),
    tour: () => import('./chunks/tour'),
    validator: () => import('./validate/index'),
    delivery: () => import('./chunks/delivery'),
  })
  return counted(options, sonde instanceof Promise ? createDeferredSonde(sonde) : sonde)
}

// The Sondes this module runs, by project (endpoint and key): init() again for one that runs.
const running = new Map<string, number>()

/**
 * A component mounted twice with its cleanup forgotten calls init() twice for one project: each
 * Sonde counts every page view, so page-view audiences are met too soon. Said once per init, as
 * beside the script tag; destroy() (React StrictMode's effect, run, undone, run again) ends it.
 */
function counted(options: InitOptions, sonde: Sonde): Sonde {
  const project = safe(
    () => storeName(new URL(options.endpoint, pageBase()).href, options.key),
    null,
  )
  if (project === null) return sonde
  const count = running.get(project) ?? 0
  if (count > 0)
    console.error(
      `[sonde] init() again for ${options.endpoint}${options.key ? ` (key ${options.key})` : ''} while its Sonde runs: both count each page view (destroy() it first)`,
    )
  running.set(project, count + 1)
  const { destroy } = sonde
  let ended = false
  sonde.destroy = () => {
    if (!ended) running.set(project, (running.get(project) ?? 1) - 1)
    ended = true
    destroy()
  }
  return sonde
}

/**
 * The sonde.js script tag on the same page (another team's snippet, a tag manager) runs a Sonde
 * of its own beside this one: each counts every page view, so the visit's page views are counted
 * twice and page-view audiences met too soon. Said once, when the page has loaded (an async tag
 * may run after the app's bundle); both keep running, one prompt at a time between them.
 */
function besideScriptTag(win: Window): void {
  const check = () => {
    // A tag that runs none (no data-* and no init: loaded by a tag manager, unused) is no second.
    if ((win as { sonde?: { __on?: () => unknown } }).sonde?.__on?.())
      console.error(
        '[sonde] the sonde.js script tag runs on this page too: two Sondes count each page view twice (keep one)',
      )
  }
  if (win.document.readyState === 'complete') check()
  else win.addEventListener('load', check, { once: true })
}
