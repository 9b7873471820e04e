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
  return sonde instanceof Promise ? createDeferredSonde(sonde) : sonde
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
