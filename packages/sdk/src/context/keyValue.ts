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
      if (!broken)
        try {
          return (storage as Storage).getItem(prefix + key)
        } catch {
          broken = true
        }
      return memory.get(key)
    },
    set: (key, value) => {
      memory.set(key, value)
      write((s) => s?.setItem(prefix + key, value))
    },
    remove: (key) => {
      memory.remove(key)
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
