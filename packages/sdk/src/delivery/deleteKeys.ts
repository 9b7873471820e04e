/**
 * Deletes `keys` from `store` in its (readwrite) transaction, by key range where it can, and
 * resolves when the transaction commits. One `delete(key)` per key costs a request, an event and
 * an IPC round each (10,000 acked events spent more main-thread time deleting than sending), while
 * the acked events of a flush are mostly neighbours in key order (UUIDv7 ids sort by time, and
 * the oldest are sent first). So the keys present between the lowest and the highest are read
 * first, in the same transaction, and each run of consecutive present keys that are all to be
 * deleted goes in one ranged delete. A key written by another tab in between is seen by that
 * read and splits the run: the read and the deletes are atomic, as IndexedDB runs readwrite
 * transactions on one store one at a time. Unknown keys are ignored. Resolves to the keys that
 * were there, which that read tells as well: two tabs deleting the same key count it once.
 */
export function deleteKeys(store: IDBObjectStore, keys: readonly string[]): Promise<string[]> {
  const wanted = new Set(keys)
  const found: string[] = []
  const done = settled(store.transaction).then(() => found)
  if (keys.length === 0) return done
  // Strings sort by UTF-16 code units, as IndexedDB orders string keys.
  const sorted = [...wanted].sort()
  const lowest = sorted[0] as string
  const highest = sorted[sorted.length - 1] as string
  const read = store.getAllKeys(IDBKeyRange.bound(lowest, highest))
  // getAllKeys is there wherever IndexedDB is (IndexedDB 2.0; the store's reads need it too).
  read.onsuccess = () => {
    let first: IDBValidKey | null = null
    let last: IDBValidKey | null = null
    const flush = () => {
      if (first !== null && last !== null) store.delete(IDBKeyRange.bound(first, last))
      first = null
    }
    for (const key of read.result) {
      if (typeof key === 'string' && wanted.has(key)) {
        found.push(key)
        first ??= key
        last = key
      } else flush()
    }
    flush()
  }
  return done
}

// The transaction's outcome: a failed read or delete aborts it, and nothing is deleted.
function settled(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve()
    transaction.onabort = transaction.onerror = () =>
      reject(transaction.error ?? new DOMException('Transaction aborted', 'AbortError'))
  })
}
