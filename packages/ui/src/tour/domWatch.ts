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

function sync(): void {
  if (observer && observing) {
    // disconnect() drops queued records: hand them on, or a listener misses this task's changes.
    if (observer.takeRecords().length > 0) queueMicrotask(notify)
    observer.disconnect()
    observing = false
  }
  if (listeners.size === 0) return
  observer ??= new MutationObserver(notify)
  observer.observe(document, OPTIONS)
  for (const root of roots.keys()) observer.observe(root, OPTIONS)
  observing = true
}

/**
 * Calls `listener` after each batch of DOM changes, through one MutationObserver shared by every
 * tour and disconnected while nobody listens. `root` adds a shadow root to what it watches.
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
