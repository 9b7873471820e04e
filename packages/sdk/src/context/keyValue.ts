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
 * localStorage under a prefix, falling back to memory for good when it throws (Safari private
 * mode, storage disabled, quota), so reads keep seeing what was written.
 */
export function localKeyValue(prefix: string, storage = safeLocalStorage()): KeyValue {
  const memory = memoryKeyValue()
  let broken = storage === null
  const attempt = <T>(run: (s: Storage) => T, fallback: () => T): T => {
    if (broken || !storage) return fallback()
    try {
      return run(storage)
    } catch {
      broken = true
      return fallback()
    }
  }
  return {
    get: (key) =>
      attempt(
        (s) => s.getItem(prefix + key),
        () => memory.get(key),
      ),
    set: (key, value) => {
      memory.set(key, value)
      attempt(
        (s) => s.setItem(prefix + key, value),
        () => undefined,
      )
    },
    remove: (key) => {
      memory.remove(key)
      attempt(
        (s) => s.removeItem(prefix + key),
        () => undefined,
      )
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
