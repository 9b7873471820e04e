import type { MetaName, OutboxRecord, Removal, Store } from '@sonde/core'
import { promisifyRequest, type UseStore } from 'idb-keyval'
import { get, set } from '../runtime/keyval'
import { openIdbStore } from '../runtime/openIdbStore'
import { deleteKeys } from './deleteKeys'
import {
  isLaterRecord,
  RECORD_PREFIX,
  RECORD_VERSION,
  readStoredRecord,
  type StoredRecord,
} from './storedRecord'
import { withTimeout } from './withTimeout'

export interface IdbStoreOptions {
  /** Database name: one per endpoint + key, never idb-keyval's shared default. */
  name: string
  /** How long an operation may wait for the database to open before it counts as hung. */
  timeoutMs?: number
  /** How long an operation may take once the database is open (a big read on a slow phone). */
  workTimeoutMs?: number
}

const META = 'm:'

/**
 * The outbox in IndexedDB through idb-keyval. Every operation settles: within `timeoutMs` if the
 * database does not open, within `workTimeoutMs` once it has. A connection that closes under it
 * (Safari drops idle ones, the user clears site data) is reopened (openIdbStore); any other
 * failure, a full quota included, goes up. Corrupt records are removed on read and counted as dropped; they are
 * handed to the outbox by `takeRemoved()`, so that the receiver hears of them. Records of a later
 * version are a newer Sonde's, for it to send: left where they are.
 */
export function createIdbStore({
  name,
  timeoutMs = 1_500,
  workTimeoutMs = 10_000,
}: IdbStoreOptions): Store {
  // Opened again after a delete of the database or the browser closed it (openIdbStore). There is
  // one where IndexedDB is (openStore).
  const db = openIdbStore(name, 'outbox') as UseStore
  // Handed to the outbox through takeRemoved(), which counts them in the next batch's `dropped`.
  let removed: Removal[] = []
  // A database that does not open within `timeoutMs` is hung; one that opened is given longer:
  // reading a full outbox on a busy device can take seconds and is no reason to give it up.
  // 1.5 s: after the hang, memory still has to start the code that sends and send, and an
  // answer must reach the receiver within 3 s of the click (2 s left that at the edge).
  const run = <T>(op: (store: UseStore) => Promise<T>): Promise<T> => {
    let opened = false
    const tracked: UseStore = (mode, callback) =>
      db(mode, (objectStore) => {
        opened = true
        return callback(objectStore)
      })
    return withTimeout(op(tracked), timeoutMs, { ms: workTimeoutMs, when: () => opened })
  }

  // Only the IndexedDB functions that sonde.js has too, so that the delivery chunk borrows them
  // (scripts/lendModules.ts); the batch operations are a line each on its `store`.
  const remove = (keys: readonly string[]) =>
    run((store) => store('readwrite', (objectStore) => deleteKeys(objectStore, keys)))

  const all = async (): Promise<OutboxRecord[]> => {
    // Keys and values in one transaction, in the same (key) order.
    const [keys, values] = await run((store) =>
      store('readonly', (s) =>
        Promise.all([promisifyRequest(s.getAllKeys()), promisifyRequest(s.getAll())]),
      ),
    )
    const records: OutboxRecord[] = []
    const bad: string[] = []
    keys.forEach((key, i) => {
      if (typeof key !== 'string' || !key.startsWith(RECORD_PREFIX) || isLaterRecord(values[i]))
        return
      const record = readStoredRecord(values[i])
      // One under another event's key is corrupt too: acked, its delete would miss it, and it
      // would be read and sent again at every flush.
      if (record && key === RECORD_PREFIX + record.event.id) records.push(record)
      else bad.push(key)
    })
    // Not counted here: the outbox counts what it takes, and would report them twice. Only those
    // this delete found: another tab reading the store at the same time takes the others.
    if (bad.length > 0) for (const key of await remove(bad)) removed.push(removal(key, 'corrupt'))
    return records
  }

  const getMeta = async (meta: MetaName) => asNumber(await run((store) => get(META + meta, store)))
  const setMeta = (meta: MetaName, value: number) => run((store) => set(META + meta, value, store))
  // The read and the write in one readwrite transaction, which IndexedDB runs alone on the
  // store: no other tab's change can fall between them.
  const addMeta = (meta: MetaName, delta: number) =>
    run((store) =>
      store('readwrite', (s) => {
        let value = 0
        const read = s.get(META + meta)
        read.onsuccess = () => {
          value = Math.max(0, (asNumber(read.result) ?? 0) + delta)
          s.put(value, META + meta)
        }
        return promisifyRequest(s.transaction).then(() => value)
      }),
    )

  const put = async (records: readonly OutboxRecord[]) => {
    const rows = records.map((record): [string, StoredRecord] => [
      RECORD_PREFIX + record.event.id,
      { v: RECORD_VERSION, record },
    ])
    // One transaction: all of them are stored or none. A full quota goes up as it is: the outbox
    // then holds every event in memory (createFallbackStore) rather than delete an older answer
    // to make room, which would lose it, or one on its way, which would be counted twice.
    await run((store) =>
      store('readwrite', (s) => {
        for (const [key, value] of rows) s.put(value, key)
        // Committed now rather than once this page has seen the puts succeed: a tab closed just
        // after an answer keeps it far more often (Chromium: 44 -> 49 of 50 closes), and what
        // is still under way then goes to localStorage (createFallbackStore's keepUnsent).
        s.transaction.commit?.()
        return promisifyRequest(s.transaction)
      }),
    )
  }

  return {
    put,
    // Acked records: by key range, as they are mostly neighbours (see deleteKeys).
    delete: async (ids) => (await remove(ids.map((id) => RECORD_PREFIX + id))).length,
    all,
    getMeta,
    setMeta,
    addMeta,
    takeRemoved() {
      const taken = removed
      removed = []
      return taken
    },
  }
}

const removal = (key: string, reason: string): Removal => ({
  id: key.slice(RECORD_PREFIX.length),
  reason,
})

function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}
