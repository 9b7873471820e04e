/** A small synchronous key-value store: localStorage when allowed, memory otherwise. */
export interface KeyValue {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
}

/** Memory only: what Sonde uses before consent, after opt-out, or where storage throws. */
export function memoryKeyValue(): KeyValue {
  const map = new Map<string, string>()
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  }
}

// The writes held while a burst of calls runs (holdingWrites), the last of each key.
let held: Map<string, () => void> | undefined

/**
 * Runs `run` with the writes of every localKeyValue held, then does the last of each key: a burst
 * of calls run together (createCallQueue: the stub's queue replayed, an analytics forwarder)
 * writes the visit once, where each write costs ~0.1 ms (0.5 ms on a phone). Reads meanwhile
 * see what was set; nothing else can read storage before the burst ends (another tab's copy
 * changes between tasks), and the page cannot go.
 */
export function holdingWrites(run: () => unknown): unknown {
  if (held) return run()
  const writes = new Map<string, () => void>()
  held = writes
  try {
    return run()
  } finally {
    held = undefined
    for (const write of writes.values()) write()
  }
}

/**
 * localStorage under a prefix, reads falling back to memory for good once it throws (Safari
 * private mode, storage disabled, a quota the site's own data filled), so that they keep seeing
 * what was written. Writes and removes are still tried: a remove frees room, and an opt-out
 * must reach storage if it can, or the next page would not know of it.
 */
export function localKeyValue(prefix: string, storage = safeLocalStorage()): KeyValue {
  const memory = memoryKeyValue()
  let broken = !storage
  const write = (run: (s: Storage | null) => void) => {
    try {
      run(storage)
    } catch {
      broken = true
    }
  }
  return {
    get: (key) => {
      if (!broken && !held?.has(prefix + key))
        try {
          return (storage as Storage).getItem(prefix + key)
        } catch {
          broken = true
        }
      return memory.get(key)
    },
    set: (key, value) => {
      memory.set(key, value)
      const put = () => write((s) => s?.setItem(prefix + key, value))
      held ? held.set(prefix + key, put) : put()
    },
    remove: (key) => {
      memory.remove(key)
      held?.delete(prefix + key)
      write((s) => s?.removeItem(prefix + key))
    },
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return localStorage
  } catch {
    // Reading the property itself throws when cookies are blocked for the site, and reading a
    // global there is none of (a server, a worker) throws a ReferenceError.
    return null
  }
}
