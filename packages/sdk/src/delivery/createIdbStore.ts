import type { MetaName, OutboxRecord, Store } from '@sonde/core'
import { createStore, delMany, entries, get, set, setMany, type UseStore } from 'idb-keyval'
import { RECORD_VERSION, readStoredRecord, type StoredRecord } from './storedRecord'
import { withTimeout } from './withTimeout'

export interface IdbStoreOptions {
  /** Database name: one per endpoint + key, never idb-keyval's shared default. */
  name: string
  /** How long any one operation may take before it counts as hung. */
  timeoutMs?: number
}

const RECORD = 'e:'
const META = 'm:'

/**
 * The outbox in IndexedDB through idb-keyval. Every operation settles within `timeoutMs`;
 * a connection that closes under it (Safari drops idle ones, the user clears site data) is
 * reopened once; a full quota evicts the oldest records and retries once. Corrupt and
 * unknown-version records are removed on read and counted as dropped.
 */
export function createIdbStore({ name, timeoutMs = 2_000 }: IdbStoreOptions): Store {
  let db: UseStore = createStore(name, 'outbox')
  const run = async <T>(op: (store: UseStore) => Promise<T>): Promise<T> => {
    try {
      return await withTimeout(op(db), timeoutMs)
    } catch (error) {
      if (!isClosing(error)) throw error
      db = createStore(name, 'outbox')
      return withTimeout(op(db), timeoutMs)
    }
  }

  const all = async (): Promise<OutboxRecord[]> => {
    const rows = await run((store) => entries<IDBValidKey, unknown>(store))
    const records: OutboxRecord[] = []
    const bad: IDBValidKey[] = []
    for (const [key, value] of rows) {
      if (typeof key !== 'string' || !key.startsWith(RECORD)) continue
      const record = readStoredRecord(value)
      if (record) records.push(record)
      else bad.push(key)
    }
    if (bad.length > 0) {
      await run((store) => delMany(bad, store))
      const dropped = ((await getMeta('dropped')) ?? 0) + bad.length
      await setMeta('dropped', dropped)
    }
    return records
  }

  const getMeta = async (meta: MetaName) => {
    const value = await run((store) => get<unknown>(META + meta, store))
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined
  }
  const setMeta = (meta: MetaName, value: number) => run((store) => set(META + meta, value, store))

  const put = async (records: readonly OutboxRecord[]) => {
    const rows = records.map((record): [string, StoredRecord] => [
      RECORD + record.event.id,
      { v: RECORD_VERSION, record },
    ])
    try {
      await run((store) => setMany(rows, store))
    } catch (error) {
      if (!isQuota(error)) throw error
      await evictOldest(records.length)
      await run((store) => setMany(rows, store))
    }
  }

  // Frees room for `count` records by removing the oldest ones, which are counted as dropped.
  const evictOldest = async (count: number) => {
    const records = await all()
    records.sort((a, b) => a.queuedAt - b.queuedAt)
    const victims = records.slice(0, Math.max(1, count)).map((r) => RECORD + r.event.id)
    await run((store) => delMany(victims, store))
    await setMeta('dropped', ((await getMeta('dropped')) ?? 0) + victims.length)
  }

  return {
    put,
    delete: (ids) =>
      run((store) =>
        delMany(
          ids.map((id) => RECORD + id),
          store,
        ),
      ),
    all,
    getMeta,
    setMeta,
  }
}

function isClosing(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    error.name === 'InvalidStateError' &&
    /clos|lost/i.test(error.message)
  )
}

function isQuota(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError'
}
