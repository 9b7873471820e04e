import {
  createMemoryStore,
  type MetaName,
  type OutboxRecord,
  type Removal,
  type Store,
} from '@sonde/core'
import { type Copies, dropUnsent, saveUnsent, takeUnsent } from './unsentCopy'

export type FallbackStore = Store & {
  degraded(): boolean
  takeRemoved(): Removal[]
  keepUnsent(): void
}

/**
 * A store that uses `primary` until it fails once (missing, hung, throwing, full beyond repair),
 * then memory for the rest of the page's life: an answer is never lost to a broken database,
 * and the host never sees the error.
 *
 * While the primary works, a mirror keeps what it holds, and memory starts from it: the outbox
 * re-reads its store before every flush and trusts it, so an empty memory store would make it
 * forget the records it had loaded from the database, and the dropped count it keeps there.
 *
 * `keepUnsent()`, as the page goes, copies to `keep` (localStorage) the records no store has
 * confirmed holding: those whose write is still under way, and every record once in memory. The
 * next page's store takes them back at its first read (`all`), and so does another tab's.
 */
export function createFallbackStore(
  primary: Store | null,
  keep: Copies,
  onFallback: (error: unknown) => void = () => {},
  memory: Store = createMemoryStore(),
): FallbackStore {
  let active = primary ?? memory
  const mirror = new Map<string, OutboxRecord>()
  // Put and not yet confirmed by the primary (or put in memory, which the page going loses).
  const unsure = new Map<string, OutboxRecord>()
  let scanned = false
  const metaMirror = new Map<MetaName, number>()
  // When each id was last written or deleted here, counted in writes: a read that began before
  // must not undo that in the mirror.
  const changed = new Map<string, number>()
  let writes = 0
  const touch = (ids: readonly string[]) => {
    writes += 1
    for (const id of ids) changed.set(id, writes)
  }

  const call = async <T>(
    op: (store: Store) => Promise<T>,
    done?: (value: T, since: number) => void,
  ): Promise<T> => {
    if (active !== memory) {
      const since = writes
      try {
        const value = await op(active)
        done?.(value, since)
        return value
      } catch (error) {
        // Another call may have failed first while this one was pending.
        if (active !== memory) {
          active = memory
          onFallback(error)
          for (const [id, record] of mirror) unsure.set(id, record)
          await memory.put([...mirror.values()])
          for (const [name, value] of metaMirror) await memory.setMeta(name, value)
        }
      }
    }
    return op(memory)
  }

  const store: FallbackStore = {
    put: (records) => {
      for (const record of records) unsure.set(record.event.id, record)
      return call(
        (s) => s.put(records),
        () => {
          touch(records.map((record) => record.event.id))
          for (const record of records) {
            mirror.set(record.event.id, record)
            if (unsure.get(record.event.id) === record) unsure.delete(record.event.id)
          }
        },
      )
    },
    delete: (ids) => {
      for (const id of ids) unsure.delete(id)
      dropUnsent(keep, ids)
      // Best effort on a primary given up on: when only its writes fail (a full disk), records
      // acked from memory are then not sent again by the next page.
      if (primary && active === memory) primary.delete(ids).catch(() => {})
      return call(
        (s) => s.delete(ids),
        () => {
          touch(ids)
          for (const id of ids) mirror.delete(id)
        },
      )
    },
    all: async () => {
      // What a page that went left here, put back in the store before it is read; every page's
      // own copy is looked for at the first read, and with a shared one.
      const unsent = takeUnsent(keep, !scanned)
      scanned = true
      if (unsent.length > 0) await store.put(unsent)
      return call(
        (s) => s.all(),
        (stored, since) => {
          const newer = (id: string) => (changed.get(id) ?? 0) > since
          const ids = new Set(stored.map((record) => record.event.id))
          for (const id of mirror.keys()) if (!ids.has(id) && !newer(id)) mirror.delete(id)
          for (const record of stored)
            if (!newer(record.event.id)) mirror.set(record.event.id, record)
          for (const [id, at] of changed) if (at <= since) changed.delete(id)
        },
      )
    },
    getMeta: (name) =>
      call(
        (s) => s.getMeta(name),
        (value) => value !== undefined && metaMirror.set(name, value),
      ),
    setMeta: (name, value) =>
      call(
        (s) => s.setMeta(name, value),
        () => metaMirror.set(name, value),
      ),
    addMeta: (name, delta) =>
      call(
        (s) => s.addMeta(name, delta),
        (value) => metaMirror.set(name, value),
      ),
    takeRemoved: () => primary?.takeRemoved?.() ?? [],
    degraded: () => active === memory,
    // This page's own copy is what it is unsure of now (none once every write was confirmed),
    // and none once the visitor opted out (createConsent's 'optout', in the same namespace), in
    // this tab or another whose choice this tab's outbox has not heard of yet: what it holds is
    // to be forgotten, not kept for a later optIn().
    keepUnsent: () => saveUnsent(keep, keep.get('optout') === '1' ? [] : [...unsure.values()]),
  }
  return store
}
