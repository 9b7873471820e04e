import type { SondeEvent } from '../schema/event'
import { mergeRecords } from './mergeRecords'
import type { Drop, OutboxRecord, Store } from './types'

/** This tab's view of the outbox, kept in memory and written through to the store. */
export interface Ledger {
  /** The records held now (replaced on refresh: do not keep it across an await). */
  readonly records: ReadonlyMap<string, OutboxRecord>
  /** The stored dropped count as last read or changed here. */
  dropped(): number
  /** Reads the store again: records other tabs added, sent or leased. */
  refresh(): Promise<void>
  /** Holds and stores new `records`; true when the store took them. */
  add(records: readonly OutboxRecord[]): Promise<boolean>
  /** Stores new states of held records; those acked or dropped meanwhile stay gone. */
  update(records: readonly OutboxRecord[]): Promise<void>
  remove(ids: readonly string[]): Promise<void>
  /**
   * Forgets and deletes dropped records, and counts those still stored: one another tab dropped
   * or sent first is not counted again. `stored`: false for records never written (too large to
   * keep), which no delete can find: they are all counted.
   */
  drop(drops: readonly Drop[], stored?: boolean): Promise<void>
  /**
   * The count a new batch reports: the stored one (read now when `fresh`, else as last read or
   * changed here), less what batches in flight from this tab already report. Settle it with
   * `settleDropped` once the batch is answered or dropped.
   */
  report(fresh?: boolean): Promise<number>
  /**
   * A batch that reported `reported` is answered or was not sent: when `delivered`, the receiver
   * knows of that many and the stored count goes down by as much.
   */
  settleDropped(reported: number, delivered: boolean): Promise<void>
  /** No batch is sent before this time: the latest `Retry-After` given to any page or tab. */
  notBefore(): number
  /** Stores `until` as the time before which no page or tab sends. */
  block(until: number): Promise<void>
  /** Stores until when this tab, the one sender, may have records in flight (0: none now). */
  markSending(until: number): Promise<void>
  /**
   * Whether the one sender said, as read now, that it may have records in flight at `now`. A
   * time further off than `leaseMs` was written under a clock since set back: ignored.
   */
  othersSending(now: number, leaseMs: number): Promise<boolean>
}

/**
 * A ledger over `store` that never rejects: when the store fails, the memory copy stays in charge
 * (records then live as long as the page) and failed writes are retried with the next update.
 * `loaded` settles once the store has been read; use the ledger after it.
 */
export function createLedger(
  store: Store,
  onDrop?: (event: SondeEvent, reason: string) => void,
  stale: (until: number) => boolean = () => false,
): { ledger: Ledger; loaded: Promise<void> } {
  let records = new Map<string, OutboxRecord>()
  // Ids where memory is ahead of the store: writes that failed, and changes made by this tab
  // since the last read began (that read may not have seen them).
  const unsaved = new Set<string>()
  // Ids added here whose write has never succeeded: no delete can find them. (`unsaved` also
  // holds stored records whose later write failed, which a delete does find.)
  const neverStored = new Set<string>()
  const touched = new Set<string>()
  // Ids acked or dropped here whose delete failed: the store would bring them back.
  const undeleted = new Set<string>()
  let notBefore = Number.NEGATIVE_INFINITY
  // The dropped count lives in the store, the one truth for every tab: each adds its losses and
  // takes off what a delivered batch reported, by steps no other tab can interleave with.
  // `known`: the count as last read or changed here; `owed`: changes the store failed to take,
  // made with the next one (and counted meanwhile); `reserved`: what batches in flight report.
  let known = 0
  let owed = 0
  let reserved = 0
  // The count's reads and changes, one at a time: a read then sees every change this tab made to
  // it before, and none after, so that `reserved` is taken off the right count.
  let counting: Promise<unknown> = Promise.resolve()
  const inTurn = <T>(step: () => Promise<T>): Promise<T> => {
    const done = counting.then(step)
    counting = done.catch(() => {})
    return done
  }

  async function write(list: readonly OutboxRecord[], fresh = false): Promise<boolean> {
    for (const record of list) {
      records.set(record.event.id, record)
      touched.add(record.event.id)
      undeleted.delete(record.event.id)
    }
    const ok = list.length === 0 || (await attempt(() => store.put(list))).ok
    for (const { event } of list) {
      if (ok) unsaved.delete(event.id)
      else unsaved.add(event.id)
      if (ok) neverStored.delete(event.id)
      else if (fresh) neverStored.add(event.id)
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
    for (const { id, reason } of removed) {
      const record = records.get(id)
      if (record) attempt(() => onDrop?.(record.event, reason))
    }
    unhold(removed.map(({ id }) => id))
    await count(removed.length)
  }

  function unhold(ids: readonly string[]) {
    for (const id of ids) {
      records.delete(id)
      unsaved.delete(id)
      neverStored.delete(id)
      touched.add(id)
    }
  }

  async function forget(ids: readonly string[]) {
    unhold(ids)
    for (const id of ids) undeleted.add(id)
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
    if (typeof until === 'number') notBefore = later(until)
  }
  // The later of two times, unless the one held is stale: then the new one.
  const later = (until: number) => (stale(notBefore) ? until : Math.max(notBefore, until))

  async function readDropped() {
    const read = await attempt(() => store.getMeta('dropped'))
    if (read.ok) known = asCount(read.value)
  }

  const count = (delta: number) => (delta === 0 ? Promise.resolve() : inTurn(() => change(delta)))
  // `settled`: what a delivered batch reported, no longer reserved once the count is down.
  async function change(delta: number, settled = 0) {
    const total = owed + delta
    const changed = await attempt(() => store.addMeta('dropped', total))
    if (changed.ok) {
      known = asCount(changed.value)
      owed = 0
    } else owed = total
    reserved -= settled
  }

  const reportNow = () => {
    const count = Math.max(0, known + owed - reserved)
    reserved += count
    return count
  }

  const ledger: Ledger = {
    get records() {
      return records
    },
    dropped: () => Math.max(0, known + owed),
    async refresh() {
      touched.clear()
      await deleteAgain()
      const [stored] = await Promise.all([attempt(() => store.all()), readNotBefore()])
      if (!stored.ok || !Array.isArray(stored.value)) return
      const isLocal = (id: string) => unsaved.has(id) || touched.has(id) || undeleted.has(id)
      records = mergeRecords(stored.value, records, isLocal)
      await absorbRemoved()
    },
    add: (list) => write(list, true),
    async update(list) {
      await write(list.filter((record) => records.has(record.event.id)))
    },
    async remove(ids) {
      await forget(ids)
    },
    async drop(drops, stored = true) {
      if (drops.length === 0) return
      const ids = drops.map(({ record }) => record.event.id)
      // Never stored, so no delete can find them: records whose write failed.
      const unstored = stored ? ids.filter((id) => neverStored.has(id)).length : ids.length
      for (const { record, reason } of drops) attempt(() => onDrop?.(record.event, reason))
      unhold(ids)
      const deleted = await attempt(() => store.delete(ids))
      if (deleted.ok) await count(deleted.value + unstored)
      else {
        // Deleted again later; counted now, as they were held.
        for (const id of ids) undeleted.add(id)
        await count(ids.length)
      }
    },
    report: (fresh = true) =>
      inTurn(async () => {
        if (fresh) await readDropped()
        return reportNow()
      }),
    async settleDropped(reported, delivered) {
      if (reported <= 0) return
      if (!delivered) {
        reserved -= reported
        return
      }
      await inTurn(() => change(-reported, reported))
    },
    notBefore: () => notBefore,
    async block(until) {
      notBefore = later(until)
      await attempt(() => store.setMeta('notBefore', notBefore))
    },
    async markSending(until) {
      await attempt(() => store.setMeta('sending', until))
    },
    async othersSending(now, leaseMs) {
      const until = asCount((await attempt(() => store.getMeta('sending'))).value)
      return until > now && until - now <= leaseMs
    },
  }

  async function load() {
    await Promise.all([inTurn(readDropped), ledger.refresh()])
  }

  return { ledger, loaded: load() }
}

// A stored count as a number: a missing, negative or garbled one is none.
function asCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0
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
