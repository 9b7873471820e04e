import { createStore, type UseStore } from 'idb-keyval'

/**
 * idb-keyval's store `storeName` in the database `name`, opened on first use (without consent
 * nothing may be written, not even an empty database); null where there is no IndexedDB (some
 * privacy modes) or where reading `indexedDB` itself throws (some sandboxed iframes).
 *
 * A delete of the database (a host's logout that clears IndexedDB) waits for every connection to
 * close: this one closes at once, and the next operation opens the database again. So does an
 * operation on a connection the browser closed without a `close` event (Safari, now and then),
 * which throws "The database connection is closing" (or aborts as closed): it is tried once more
 * on a new one, so a callback must be one that can run again (what an aborted one did is undone).
 */
export function openIdbStore(name: string, storeName: string): UseStore | null {
  let store: UseStore | null = null
  const use = <T>(
    mode: IDBTransactionMode,
    callback: (objectStore: IDBObjectStore) => T | PromiseLike<T>,
    again?: true,
  ): Promise<T> => {
    store ??= createStore(name, storeName)
    return store(mode, (objectStore) => {
      const connection = objectStore.transaction.db
      connection.onversionchange = () => {
        connection.close()
        store = null
      }
      return callback(objectStore)
    }).catch((error) => {
      if (again || !/clos/.test(error)) throw error
      store = null
      return use(mode, callback, true)
    })
  }
  try {
    return globalThis.indexedDB ? use : null
  } catch {
    return null
  }
}
