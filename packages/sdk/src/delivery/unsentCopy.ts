import { compareAge, type OutboxRecord } from '@sonde/core'
import type { KeyValue } from '../context/keyValue'
import { safe } from '../runtime/safe'
import { isLaterRecord, RECORD_VERSION, readStoredRecord } from './storedRecord'
import { UNSENT } from './unsentKey'

/*
 * What pages going away could not be sure were stored, copied to localStorage: its writes are
 * synchronous and survive the tab closing at once, where an IndexedDB transaction still under way
 * is lost (in Chromium, a tab closed right after a write lost it about one time in eight).
 *
 * Every page adds to the shared copy (UNSENT) and also keeps its own under `unsent.<page>`, which
 * only it writes: two tabs closing together each read the shared copy before the other's write
 * reached it (a write reaches other tabs later), so the shared one may keep one tab's records
 * only. A page's own copy carries the anonymous id of its visitor: one left after an opt-out
 * (which removes the shared copy and the id; a later opt-in makes a new id) or a reset is
 * dropped, never sent.
 */
export { UNSENT }

const PAGE = `${UNSENT}.${Math.random().toString(36).slice(2)}`

/**
 * The copies' storage: a KeyValue that also lists the pages' own copies (`unsent.<page>`), and
 * says whether this page may take copies now (`awake`).
 */
export type Copies = KeyValue & { pages(): string[]; awake(): boolean }

/**
 * The copies in localStorage under the namespace `ns` (`<database>:`), read there every time:
 * none where it cannot be read, none written where it is full. Never from memory, as
 * localKeyValue reads once a write was refused: another page's copy would look missing.
 */
export function localCopies(ns: string): Copies {
  return {
    get: (key) => safe(() => localStorage.getItem(ns + key), null),
    set: (key, value) => safe(() => localStorage.setItem(ns + key, value), undefined),
    remove: (key) => safe(() => localStorage.removeItem(ns + key), undefined),
    pages: () =>
      safe(
        () =>
          Object.keys(localStorage)
            .filter((key) => key.startsWith(`${ns + UNSENT}.`))
            .map((key) => key.slice(ns.length)),
        [],
      ),
    // A hidden page, a page going away among them (hidden before pagehide), takes no copy: its
    // outbox may still read its store after its last copy was made (a send the unload aborted,
    // then another), and would take the copies into a memory about to go, the shared one too.
    awake: () => document.visibilityState !== 'hidden',
  }
}

// The host's localStorage is a few MB for the whole origin, the host's own data first: a copy
// never takes more than this (several dozen answers), and what does not fit stays in memory.
const MAX_CHARS = 128_000

interface Copy {
  records: OutboxRecord[]
  /** What a newer Sonde left there: kept for it, unread. */
  later: unknown[]
  /** A page's own copy: its visitor's anonymous id (null where there was none). */
  anon?: unknown
}

function read(keep: KeyValue, key: string): Copy {
  const copy: Copy = { records: [], later: [] }
  let stored: unknown
  try {
    stored = JSON.parse(keep.get(key) ?? '[]')
  } catch {
    // Not JSON (cut short by a full storage, written by something else): nothing to take.
  }
  if (!Array.isArray(stored)) {
    copy.anon = (stored as { anon?: unknown } | null)?.anon ?? null
    stored = (stored as { records?: unknown } | null)?.records
  }
  for (const value of Array.isArray(stored) ? stored : []) {
    const record = readStoredRecord(value)
    if (record) copy.records.push(record)
    else if (isLaterRecord(value)) copy.later.push(value)
  }
  return copy
}

/** `later`, then the records that fit, newest first; null when there is nothing. */
function values(records: readonly OutboxRecord[], later: unknown[]): unknown[] | null {
  const kept = [...later]
  // Newest first, as the outbox's own caps keep them (applyCaps): the answer given as the page
  // went, rather than the displays of a long offline session; one too large is passed over.
  let chars = 0
  for (const record of [...records].sort(compareAge).reverse()) {
    const value = { v: RECORD_VERSION, record }
    const size = JSON.stringify(value).length + 1
    if (chars + size > MAX_CHARS) continue
    chars += size
    kept.push(value)
  }
  return kept.length > 0 ? kept : null
}

function writeShared(keep: KeyValue, records: readonly OutboxRecord[], later: unknown[]) {
  const kept = values(records, later)
  if (kept) keep.set(UNSENT, JSON.stringify(kept))
  else keep.remove(UNSENT)
}

const byId = (records: readonly OutboxRecord[]) =>
  new Map(records.map((record) => [record.event.id, record]))

/**
 * As the page goes: adds `records` to the shared copy (one per event id, the latest winning) and
 * makes them this page's own copy (none when there are none).
 */
export function saveUnsent(keep: KeyValue, records: readonly OutboxRecord[], page = PAGE): void {
  const kept = values(records, [])
  if (!kept) {
    keep.remove(page)
    return
  }
  const shared = read(keep, UNSENT)
  writeShared(keep, [...byId([...shared.records, ...records]).values()], shared.later)
  keep.set(page, JSON.stringify({ anon: keep.get('anon'), records: kept }))
}

/**
 * Takes the copies out of storage, for the store to hold their records again (once each): the
 * shared one and, where it is there or `scan` asks (a store's first read), every other page's,
 * but not `page`'s own; none while the page is hidden. A page's copy of another visitor (see
 * UNSENT) is dropped.
 */
export function takeUnsent(keep: Copies, scan: boolean, page = PAGE): OutboxRecord[] {
  const taken: OutboxRecord[] = []
  if (!keep.awake()) return taken
  if (keep.get(UNSENT) !== null) {
    scan = true
    const shared = read(keep, UNSENT)
    taken.push(...shared.records)
    writeShared(keep, [], shared.later)
  }
  if (scan) {
    const anon = keep.get('anon')
    for (const key of keep.pages()) {
      const copy = read(keep, key)
      // A newer Sonde's, or this page's own (put back at its next going): left where it is.
      if (key === page || copy.later.length > 0) continue
      if (copy.anon === anon) taken.push(...copy.records)
      keep.remove(key)
    }
  }
  return [...byId(taken).values()]
}

/** Removes acked records from the shared copy and this page's own (sent from the store meanwhile). */
export function dropUnsent(keep: KeyValue, ids: readonly string[], page = PAGE): void {
  const gone = (record: OutboxRecord) => ids.includes(record.event.id)
  if (keep.get(UNSENT) !== null) {
    const shared = read(keep, UNSENT)
    if (shared.records.some(gone))
      writeShared(
        keep,
        shared.records.filter((record) => !gone(record)),
        shared.later,
      )
  }
  if (keep.get(page) !== null) {
    const own = read(keep, page)
    if (own.records.some(gone)) {
      const kept = values(
        own.records.filter((record) => !gone(record)),
        [],
      )
      if (kept) keep.set(page, JSON.stringify({ anon: own.anon, records: kept }))
      else keep.remove(page)
    }
  }
}
