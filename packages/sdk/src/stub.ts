// The inline snippet a page pastes before the script tag (built to dist/stub.js, ≤ 1 KB):
// window.sonde queues every call until the bundle arrives and replays them in order. It only
// defines a queue and loads nothing, so it runs under a strict CSP with a nonce and never
// touches a Trusted Types sink.
;((w: Window & { sonde?: unknown }) => {
  if (w.sonde) return
  const q: [string, unknown[]][] = []
  const stub: Record<string, unknown> = { _q: q }
  for (const m of 'init identify track page show startTour canShow on off flush optIn optOut reset destroy'.split(
    ' ',
  )) {
    stub[m] = (...args: unknown[]) => {
      q.push([m, args])
    }
  }
  w.sonde = stub
})(window)
