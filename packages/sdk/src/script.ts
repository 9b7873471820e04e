import type { InitOptions } from '@sonde/core'
import { lent } from './chunks/lent'
import { withTimeout } from './delivery/withTimeout'
import type { Chunks, DeliveryChunk, SurveyChunk, TourChunk, Validator } from './runtime/chunks'
import { copyNow } from './runtime/copyNow'
import { createInertSonde } from './runtime/createInertSonde'
import { pageBase } from './runtime/pageBase'
import type { Sonde } from './runtime/types'
import { startSonde } from './start'

// The script-tag bundle (dist/sonde.js): replaces the stub's queue with the real object, runs a
// queued `init` or else one built from its own data-* attributes, then replays the other calls
// in order. With neither, it stays silent until `window.sonde.init()` is called.
type Call = [string, unknown[]]
type Method = (...args: unknown[]) => unknown
// Only its `sonde`, as the page may have it: the stub, nothing, or anything of its own.
type Host = { sonde?: { _q?: Call[] } | Sonde }
// `window.sonde` once a copy of this bundle has booted.
type Booted = { __sonde?: true; init(options: InitOptions): unknown }

// The public methods, named once: by the Sonde that does nothing.
const METHODS = Object.keys(createInertSonde())

// Loaded as type="module" the bundle has no currentScript: its tag is then the one that says
// where to send, with the chunks beside it. Only a <script> is taken for it: an image a visitor
// put on the page (<img name="currentScript" src="https://evil…" data-endpoint="…">, which many
// sanitizers let through) names itself on the document before the built-in property, and this
// file imported its chunks from that src and sent answers to its data-endpoint.
const script = ((document.currentScript instanceof HTMLScriptElement && document.currentScript) ||
  document.querySelector('script[data-endpoint]')) as HTMLScriptElement | null
const base = script?.src || pageBase()
// The other chunks are ES modules beside this file, imported only when needed. Each borrows
// the modules this file has too (chunks/lent.ts), handed over before the chunk is used.
const load = <T>(file: string): Promise<T> =>
  import(/* @vite-ignore */ new URL(file, base).href).then((chunk) => {
    chunk.link(lent)
    return chunk
  })
const chunks: Chunks = {
  survey: () => load<SurveyChunk>('sonde-ui.js'),
  tour: () => load<TourChunk>('sonde-tour.js'),
  validator: () => load<Validator>('sonde-validate.js'),
  delivery: () => load<DeliveryChunk>('sonde-delivery.js'),
}

function fromAttributes(el: HTMLScriptElement | null): InitOptions | null {
  // Absent attributes are undefined, which the options treat as not given.
  const { endpoint, key, config, locale } = el?.dataset ?? {}
  return endpoint ? ({ endpoint, key, config, locale } as InitOptions) : null
}

const host = window as Host
let instance: Sonde | null = null
// Set from init on: the Sonde, or its promise while new options are being checked.
let starting: Promise<Sonde> | null = null
const waiting: Array<() => void> = []

const call = (method: string, args: unknown[]): unknown => {
  if (instance) {
    const result = (instance as unknown as Record<string, Method>)[method]?.(...args)
    // A destroyed Sonde is gone: the next `init` starts a new one, and calls until then wait
    // for it, as calls before the first did.
    if (method === 'destroy') instance = starting = null
    return result
  }
  if (method === 'canShow') return { ok: false, reason: 'loading' }
  // Destroyed while its options are checked (React StrictMode's effect, run, undone, run again):
  // that start is dropped, with the calls waiting for it, and the next init starts anew.
  if (method === 'destroy' && starting) {
    starting = null
    waiting.length = 0
    return
  }
  // Before init nothing can be pending; after it, flush waits for the Sonde to exist, 10 s at
  // most: its validator may never arrive (a CDN edge that never answers), and nothing is pending
  // before it has.
  if (method === 'flush')
    return starting
      ? withTimeout(starting, 1e4).then(
          (s) => s.flush(),
          () => ({ sent: 0, pending: 0 }),
        )
      : Promise.resolve({ sent: 0, pending: 0 })
  let made: unknown
  let cancelled = false
  // identify's traits and track's properties as they are now, not once the Sonde is ready.
  const now = method === 'identify' || method === 'track' ? [args[0], copyNow(args[1])] : args
  waiting.push(() => {
    if (!cancelled) made = call(method, now)
  })
  // on() hands back its unsubscribe at once: it cancels the waiting call, or undoes it once made.
  if (method === 'on')
    return () => {
      cancelled = true
      if (typeof made === 'function') made()
    }
}
const start = (options: InitOptions): Sonde => {
  if (!starting) {
    const started = startSonde(options, chunks)
    const mine = Promise.resolve(started)
    starting = mine
    const ready = (sonde: Sonde) => {
      if (starting !== mine) return sonde.destroy()
      instance = sonde
      for (const run of waiting.splice(0)) run()
    }
    // Options seen valid before give the Sonde at once: what waited runs now, in order, and
    // later calls reach it directly.
    if (!(started instanceof Promise)) ready(started)
    void mine.then(ready)
  } else {
    // A second tag's or a late init's options (a user, a locale) would otherwise vanish unseen.
    console.error('[sonde] init() ignored: already running (destroy() first)')
  }
  return host.sonde as Sonde
}

// Chrome may prerender a page (speculation rules) that the visitor never opens: Sonde starts once
// it is activated, as on any page load (nothing stored, counted, shown or sent before); calls wait
// in the stub's queue meanwhile. prerenderingchange, fired at the document, reaches the window
// as it is captured.
// `=== true`, not an <img name="prerendering"> of a visitor's, which the document names so.
if ((document as Document & { prerendering?: boolean }).prerendering === true)
  addEventListener('prerenderingchange', run, true)
else run()

// Only the stub is replaced: a second copy of the bundle on the same page leaves the first one in
// charge, and a page's own `window.sonde` (an app namespace, another library) stays, as the stub
// leaves it too. An element with id="sonde" is only the browser's named access: not taken.
// A second tag of this bundle (a snippet pasted twice, another project's data-*) gives its
// options to the first copy's init: it starts with them if nothing runs yet, else it says, in
// one console error, that they are ignored.
function run() {
  // What the page has as `window.sonde` now: the stub, nothing, or something else.
  const own = host.sonde as { _q?: Call[] } | undefined
  const tagged = fromAttributes(script)
  const options = !own || own instanceof Element || own._q ? boot(own, tagged) : tagged
  if (options && (host.sonde as Booted).__sonde) (host.sonde as Booted).init(options)
}

/** Turns the stub (or nothing) into the API; gives the options of a queued `init`, else the tag's. */
function boot(own: { _q?: Call[] } | undefined, tagged: InitOptions | null): InitOptions | null {
  // The stub object itself becomes the API: host code that kept a reference to it before the
  // bundle arrived (`const sonde = window.sonde` in a module) must reach the real methods too.
  const queued: Call[] = own?._q || []
  const api = (own?._q ? own : {}) as Record<string, unknown>
  delete api._q
  api.init = start
  api.__sonde = true
  // Whether this copy runs a Sonde: an npm init() beside it says so, as two count each page view.
  api.__on = () => starting
  for (const method of METHODS) api[method] = (...args: unknown[]) => call(method, args)
  host.sonde = api as unknown as Sonde

  // The first queued init's options; the other calls wait for the Sonde, in order.
  let init: InitOptions | undefined
  for (const [method, args] of queued)
    if (method !== 'init') waiting.push(() => call(method, args))
    else init ??= args[0] as InitOptions
  return init ?? tagged
}
