import { promisifyRequest, type UseStore } from 'idb-keyval'

// idb-keyval's get, set and update, the store always given: theirs fall back to a default store
// of their own ('keyval-store'), which Sonde never uses but sonde.js carried, with its opening.

export function get<T>(key: IDBValidKey, store: UseStore): Promise<T | undefined> {
  return store('readonly', (s) => promisifyRequest(s.get(key)))
}

export function set(key: IDBValidKey, value: unknown, store: UseStore): Promise<void> {
  return store('readwrite', (s) => {
    s.put(value, key)
    return promisifyRequest(s.transaction)
  })
}

/**
 * Reads and writes in one transaction, which ends with the write or the failure: an `updater`
 * that throws aborts it (the promise rejects; nothing reaches the page).
 */
export function update<T>(
  key: IDBValidKey,
  updater: (old: T | undefined) => T,
  store: UseStore,
): Promise<void> {
  return store('readwrite', (s) => {
    const read = s.get(key)
    read.onsuccess = () => {
      try {
        s.put(updater(read.result), key)
      } catch {
        s.transaction.abort()
      }
    }
    return promisifyRequest(s.transaction)
  })
}
