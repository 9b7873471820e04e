import { createStore, type UseStore } from 'idb-keyval'

/**
 * idb-keyval's store `storeName` in the database `name`, opened on first use (without consent
 * nothing may be written, not even an empty database); null where there is no IndexedDB (some
 * privacy modes) or where reading `indexedDB` itself throws (some sandboxed iframes).
 *
 * A delete of the database (a host's logout that clears IndexedDB) waits for every connection to
 * close: this one closes at once, and the next operation opens the database again.
 */
export function openIdbStore(name: string, storeName: string): UseStore | null {
  let store: UseStore | null = null
  try {
    if (!globalThis.indexedDB) return null
    return (mode, callback) => {
      store ??= createStore(name, storeName)
      return store(mode, (objectStore) => {
        const connection = objectStore.transaction.db
        connection.onversionchange = () => {
          connection.close()
          store = null
        }
        return callback(objectStore)
      })
    }
  } catch {
    return null
  }
}
