type Listener = () => void

const OPTIONS: MutationObserverInit = { childList: true, subtree: true }
const listeners = new Set<Listener>()
// Shadow roots holding a current target: a document-level observer does not see inside them.
const roots = new Map<Node, number>()
let observer: MutationObserver | undefined
let observing = false

function notify(): void {
  for (const listener of [...listeners]) {
    try {
      listener()
    } catch (error) {
      console.error('[sonde]', error)
    }
  }
}

// A page may change its DOM in hundreds of tasks a frame (a feed, a live dashboard): listeners
// look at the page (a query, a layout to tell whether a target renders) at most once a frame,
// the first change at once and the rest together at the next frame, when the page lays itself
// out anyway. A hidden tab draws no frames: its changes are handed on at once, as before, so a
// target coming in the background is not missed by a step's wait.
let frame = 0
let missed = false

function onChange(): void {
  if (frame && document.hidden !== true) {
    missed = true
    return
  }
  notify()
  frame ||= requestAnimationFrame(nextFrame)
}

function nextFrame(): void {
  frame = 0
  if (!missed) return
  missed = false
  onChange()
}

function sync(): void {
  if (observer && observing) {
    // disconnect() drops queued records: hand them on, or a listener misses this task's changes.
    if (observer.takeRecords().length > 0) queueMicrotask(notify)
    observer.disconnect()
    observing = false
  }
  if (listeners.size === 0) {
    cancelAnimationFrame(frame)
    frame = 0
    missed = false
    return
  }
  observer ??= new MutationObserver(onChange)
  observer.observe(document, OPTIONS)
  for (const root of roots.keys()) observer.observe(root, OPTIONS)
  observing = true
}

/**
 * Calls `listener` after DOM changes (at most once a frame, see `onChange`), through one
 * MutationObserver shared by every tour and disconnected while nobody listens. `root` adds a shadow root to what it watches.
 * Returns the unsubscribe function.
 */
export function onDomChange(listener: Listener, root?: Node): () => void {
  listeners.add(listener)
  const addsRoot = root !== undefined && !roots.has(root)
  if (root) roots.set(root, (roots.get(root) ?? 0) + 1)
  if (!observing || addsRoot) sync()
  return () => {
    if (!listeners.delete(listener)) return
    let dropsRoot = false
    if (root) {
      const left = (roots.get(root) ?? 1) - 1
      dropsRoot = left === 0
      if (dropsRoot) roots.delete(root)
      else roots.set(root, left)
    }
    if (listeners.size === 0 || dropsRoot) sync()
  }
}
