// The inline snippet a page pastes before the script tag (built to dist/stub.js, ≤ 1 KB):
// window.sonde queues every call until the bundle arrives and replays them in order. It only
// defines a queue and loads nothing, so it runs under a strict CSP with a nonce and never
// touches a Trusted Types sink.
;((w: { sonde?: unknown }) => {
  // An element with id="sonde" is only the browser's named access to it: the stub takes the name,
  // as the bundle does. Anything else named so (a stub pasted twice, the page's own) stays.
  if (w.sonde && !(w.sonde instanceof Element)) return
  const q: [string, unknown[]][] = []
  const stub: Record<string, unknown> = { _q: q }
  for (const m of 'init identify track page show startTour canShow on off flush optIn optOut reset destroy'.split(
    ' ',
  )) {
    stub[m] = (...args: unknown[]) => {
      // identify's traits and track's properties as they are now: the host may change its object
      // before the bundle runs (reused for the next export). A cycle stays, for the bundle to
      // refuse; arrays are taken from their holder, past an Array.prototype.toJSON (Prototype.js).
      if (m === 'identify' || m === 'track')
        try {
          args[1] = JSON.parse(
            JSON.stringify(args[1], function (this: Record<string, unknown>, k, v) {
              return Array.isArray(this[k]) ? this[k] : v
            }),
          )
        } catch {}
      q.push([m, args])
      // Host code written against the API uses what it returns: `init` the instance (this
      // object, which becomes the real one), `canShow` and `flush` their answers while loading
      // (nothing can be pending before the bundle runs), `on` an unsubscribe: this object's
      // `off`, queued now, the real one once the bundle has made this object the API.
      return m === 'init'
        ? stub
        : m === 'canShow'
          ? { ok: false, reason: 'loading' }
          : m === 'flush'
            ? Promise.resolve({ sent: 0, pending: 0 })
            : m === 'on'
              ? () => (stub.off as (...a: unknown[]) => void)(...args)
              : undefined
    }
  }
  w.sonde = stub
})(window)
