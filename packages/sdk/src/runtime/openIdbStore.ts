import { createStore, type UseStore } from 'idb-keyval'

/**
 * idb-keyval's store `storeName` in the database `name`; null where there is no IndexedDB (some
 * privacy modes) or where reading `indexedDB` itself throws (some sandboxed iframes).
 */
export function openIdbStore(name: string, storeName: string): UseStore | null {
  try {
    return typeof indexedDB !== 'undefined' && indexedDB ? createStore(name, storeName) : null
  } catch {
    return null
  }
}
