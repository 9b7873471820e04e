import { promisifyRequest, type UseStore } from 'idb-keyval'

/**
 * A store as idb-keyval's `createStore` makes one: `storeName` in the database `name`, opened on
 * first use (without consent nothing may be written, not even an empty database); null where
 * there is no IndexedDB (some privacy modes) or where reading `indexedDB` itself throws (some
 * sandboxed iframes).
 *
 * A delete of the database (a host's logout that clears IndexedDB, a newer Sonde's upgrade)
 * waits for every connection to close: this one closes as soon as it is asked, even where it is
 * of no use (a database a newer Sonde moved on, without this store), and the next operation opens
 * the database again, as after the browser closed it (the user cleared the site's data). An
 * operation on a connection closed without a `close` event (Safari, now and then), which throws
 * "The database connection is closing" (or aborts as closed), is tried once more on a new one,
 * so a callback must be one that can run again (what an aborted one did is undone).
 */
export function openIdbStore(name: string, storeName: string): UseStore | null {
  let db: Promise<IDBDatabase> | null = null
  const open = () => {
    const request = indexedDB.open(name)
    request.onupgradeneeded = () => request.result.createObjectStore(storeName)
    const opened = promisifyRequest(request)
    const forget = () => {
      if (db === opened) db = null
    }
    opened.then((connection) => {
      connection.onclose = forget
      connection.onversionchange = () => {
        connection.close()
        forget()
      }
    }, forget)
    return opened
  }
  const use = <T>(
    mode: IDBTransactionMode,
    callback: (objectStore: IDBObjectStore) => T | PromiseLike<T>,
    again?: true,
  ): Promise<T> => {
    db ??= open()
    return db
      .then((connection) =>
        callback(connection.transaction(storeName, mode).objectStore(storeName)),
      )
      .catch((error) => {
        if (again || !/clos/.test(error)) throw error
        db = null
        return use(mode, callback, true)
      })
  }
  try {
    return globalThis.indexedDB ? use : null
  } catch {
    return null
  }
}
