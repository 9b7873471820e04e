import type { SondeEvent } from '../schema/event'
import { mergeRecords } from './mergeRecords'
import type { Drop, OutboxRecord, Store } from './types'

/** This tab's view of the outbox, kept in memory and written through to the store. */
export interface Ledger {
  /** The records held now (replaced on refresh: do not keep it across an await). */
  readonly records: ReadonlyMap<string, OutboxRecord>
  dropped(): number
  /** Reads the store again: records other tabs added, sent or leased. */
  refresh(): Promise<void>
  /** Holds and stores new `records`; true when the store took them. */
  add(records: readonly OutboxRecord[]): Promise<boolean>
  /** Stores new states of held records; those acked or dropped meanwhile stay gone. */
  update(records: readonly OutboxRecord[]): Promise<void>
  remove(ids: readonly string[]): Promise<void>
  drop(drops: readonly Drop[]): Promise<void>
  /** Takes `reported` off the counter: the receiver has been told about that many. */
  settleDropped(reported: number): Promise<void>
  /** No batch is sent before this time: the latest `Retry-After` given to any page or tab. */
  notBefore(): number
  /** Stores `until` as the time before which no page or tab sends. */
  block(until: number): Promise<void>
}

/**
 * A ledger over `store` that never rejects: when the store fails, the memory copy stays in charge
 * (records then live as long as the page) and failed writes are retried with the next update.
 * `loaded` settles once the store has been read; use the ledger after it.
 */
export function createLedger(
  store: Store,
  onDrop?: (event: SondeEvent, reason: string) => void,
): { ledger: Ledger; loaded: Promise<void> } {
  let records = new Map<string, OutboxRecord>()
  // Ids where memory is ahead of the store: writes that failed, and changes made by this tab
  // since the last read began (that read may not have seen them).
  const unsaved = new Set<string>()
  const touched = new Set<string>()
  // Ids acked or dropped here whose delete failed: the store would bring them back.
  const undeleted = new Set<string>()
  let dropped = 0
  let notBefore = Number.NEGATIVE_INFINITY
  const storedDropped = attempt(() => store.getMeta('dropped'))

  async function write(list: readonly OutboxRecord[]): Promise<boolean> {
    for (const record of list) {
      records.set(record.event.id, record)
      touched.add(record.event.id)
      undeleted.delete(record.event.id)
    }
    const ok = list.length === 0 || (await attempt(() => store.put(list))).ok
    for (const { event } of list) {
      if (ok) unsaved.delete(event.id)
      else unsaved.add(event.id)
    }
    // A full disk may have made room by evicting older records.
    await absorbRemoved()
    return ok
  }

  // Records the store removed by itself (corrupt on read, evicted for quota) are lost all the
  // same: those held here are reported and forgotten like any drop, and every one is counted.
  async function absorbRemoved() {
    const removed = (await attempt(() => store.takeRemoved?.() ?? [])).value ?? []
    if (removed.length === 0) return
    const drops: Drop[] = []
    for (const { id, reason } of removed) {
      const record = records.get(id)
      if (record) drops.push({ record, reason })
    }
    dropped += removed.length - drops.length
    if (drops.length > 0) await ledger.drop(drops)
    else await writeDropped()
  }

  async function forget(ids: readonly string[]) {
    for (const id of ids) {
      records.delete(id)
      unsaved.delete(id)
      touched.add(id)
      undeleted.add(id)
    }
    await deleteAgain()
  }

  // One delete at a time, for every id still in the store, so that a failed delete is retried
  // later; ids forgotten while one runs go in the next, so that a flush acking batch after batch
  // does not send the same ids again in every delete.
  let deleting: Promise<void> | null = null
  function deleteAgain(): Promise<void> {
    if (!deleting && undeleted.size > 0) {
      deleting = drainDeletes().finally(() => {
        deleting = null
      })
    }
    return deleting ?? Promise.resolve()
  }
  async function drainDeletes() {
    while (undeleted.size > 0) {
      const ids = [...undeleted]
      if (!(await attempt(() => store.delete(ids))).ok) return
      for (const id of ids) undeleted.delete(id)
    }
  }

  // Read with every refresh: a tab open before another was told to wait must wait too.
  async function readNotBefore() {
    const until = (await attempt(() => store.getMeta('notBefore'))).value
    if (typeof until === 'number') notBefore = Math.max(notBefore, until)
  }

  async function writeDropped() {
    // After the first read, so that the read cannot see this tab's own count and add it twice.
    await storedDropped
    await attempt(() => store.setMeta('dropped', dropped))
  }

  const ledger: Ledger = {
    get records() {
      return records
    },
    dropped: () => dropped,
    async refresh() {
      touched.clear()
      await deleteAgain()
      const [stored] = await Promise.all([attempt(() => store.all()), readNotBefore()])
      if (!stored.ok || !Array.isArray(stored.value)) return
      const isLocal = (id: string) => unsaved.has(id) || touched.has(id) || undeleted.has(id)
      records = mergeRecords(stored.value, records, isLocal)
      await absorbRemoved()
    },
    add: write,
    async update(list) {
      await write(list.filter((record) => records.has(record.event.id)))
    },
    async remove(ids) {
      await forget(ids)
    },
    async drop(drops) {
      if (drops.length === 0) return
      dropped += drops.length
      for (const { record, reason } of drops) attempt(() => onDrop?.(record.event, reason))
      await Promise.all([forget(drops.map(({ record }) => record.event.id)), writeDropped()])
    },
    async settleDropped(reported) {
      if (reported <= 0) return
      dropped = Math.max(0, dropped - reported)
      await writeDropped()
    },
    notBefore: () => notBefore,
    async block(until) {
      notBefore = Math.max(notBefore, until)
      await attempt(() => store.setMeta('notBefore', notBefore))
    },
  }

  async function load() {
    const count = (await storedDropped).value
    // Added, not assigned: drops counted while the read was in flight are kept.
    if (typeof count === 'number' && Number.isFinite(count) && count > 0) dropped += count
    await ledger.refresh()
  }

  return { ledger, loaded: load() }
}

type Attempt<T> = { ok: true; value: T } | { ok: false; value?: undefined }

// Runs `work`, turning a throw or a rejection into `{ ok: false }`: a store never breaks a flush.
async function attempt<T>(work: () => T | Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work() }
  } catch {
    return { ok: false }
  }
}
