import type { Batch } from '../schema/batch'
import type { SondeEvent } from '../schema/event'
import type { OutboxLimits } from './outboxDefaults'

/** The source of time, in milliseconds since the epoch. */
export interface Clock {
  now(): number
}

/** Where a record is in its life: waiting, being sent, or waiting for its next attempt. */
export type RecordState = 'queued' | 'leased' | 'retry'

/** One event waiting in the outbox, with what delivery needs to know about it. */
export interface OutboxRecord {
  event: SondeEvent
  /** UTF-8 length of `JSON.stringify(event)`, measured once at enqueue. */
  bytes: number
  state: RecordState
  /** Sends that ended without an answer for this event (network error, 5xx, …). */
  attempts: number
  nextAttemptAt: number
  /** While `state` is 'leased' and this is in the future, another sender owns the record. */
  leaseUntil?: number
  queuedAt: number
}

/**
 * The names of the small numbers a store keeps beside the records: `dropped`, events lost and not
 * yet reported; `notBefore`, the time before which no batch may be sent (a receiver's
 * `Retry-After`, which every page and tab must obey, not only the one it answered); `sending`,
 * until when the one sender (which takes no leases) may have any record in flight.
 */
export type MetaName = 'dropped' | 'notBefore' | 'sending'

/**
 * Durable storage of outbox records, keyed by `event.id`. Every method must settle: a store over
 * a hung database rejects after its own timeout (core has no timers).
 */
export interface Store {
  /** Inserts or replaces each record by `event.id`. */
  put(records: readonly OutboxRecord[]): Promise<void>
  /**
   * Removes the records with these ids; unknown ids are ignored. Resolves to how many of them were
   * stored: a record that another tab removed first is not counted lost twice.
   */
  delete(ids: readonly string[]): Promise<number>
  /** Every record, in any order; never the meta values. */
  all(): Promise<OutboxRecord[]>
  getMeta(name: MetaName): Promise<number | undefined>
  setMeta(name: MetaName, value: number): Promise<void>
  /**
   * Adds `delta` to a count (missing counts as 0, the sum never goes below 0) in one step that no
   * other page or tab can interleave with, and resolves to the new count: every tab changes the
   * one `dropped` count, and none may lose another's change.
   */
  addMeta(name: MetaName, delta: number): Promise<number>
  /**
   * The records this store removed on its own since the last call: corrupt or unknown-version
   * ones found on read, the oldest evicted to make room on a full disk. They are lost all the
   * same, so the outbox reports and counts them. Optional: most stores never remove anything.
   */
  takeRemoved?(): Removal[]
}

/** A record a store removed by itself (`reason`: 'corrupt', 'quota', …), by event id. */
export interface Removal {
  id: string
  reason: string
}

/**
 * What a send ended with: an HTTP answer, or no answer at all. `unsent`: the transport did not
 * send the batch (no room left on the unload path), so nothing is known of it: its records wait
 * as they were, no attempt counted.
 */
export type TransportResult =
  | { status: number; retryAfter?: string | null; body?: unknown }
  | { error: 'network' | 'timeout' | 'unsent' }

/** `unload`: the page is going away, send with `keepalive`. */
export interface SendOptions {
  unload?: boolean
}

/** Sends one batch to the endpoint. `body` is the parsed JSON reply when there is one. */
export interface Transport {
  send(batch: Batch, options: SendOptions): Promise<TransportResult>
}

/** A batch without its events: what `buildBatches` measures a batch's overhead with. */
export type BatchEnvelope = Omit<Batch, 'events'>

/** A record leaving the outbox without an ack, and why (`too_large`, `http_400`, …). */
export interface Drop {
  record: OutboxRecord
  reason: string
}

/** What an outbox is built from; `key` and `sdk` go into every batch, `newId` names batches. */
export interface OutboxOptions {
  store: Store
  transport: Transport
  clock: Clock
  key?: string
  sdk: { name: string; version: string }
  newId: () => string
  limits?: Partial<OutboxLimits>
  /** Told about each event that leaves undelivered (for debug logs); it cannot stop the drop. */
  onDrop?: (event: SondeEvent, reason: string) => void
  random?: () => number
  /**
   * True while this outbox is the only possible sender (the SDK holds the Web Lock): leases left
   * by a page that died mid-send (a reload, a killed tab) are then stale and ignored at once
   * instead of after `leaseMs`.
   */
  exclusive?: () => boolean
}

/**
 * `unload`: the page is going away: one batch within `maxUnloadBytes`, handed to the transport
 * synchronously, from memory, leases ignored. `ignoreBackoff`: send records still waiting out a
 * backoff (the device came back online); a receiver's `Retry-After` is obeyed all the same, and
 * not only by the page it answered: it is stored, for the pages and tabs after it.
 */
export interface FlushOptions {
  unload?: boolean
  ignoreBackoff?: boolean
}

/** Events acked by this flush, and records still held after it. */
export interface FlushResult {
  sent: number
  pending: number
}

/** The durable queue between the SDK and the endpoint. No method ever rejects. */
export interface Outbox {
  /** Resolves once the event is stored: true when durably, false when in memory only or dropped. */
  enqueue(event: SondeEvent): Promise<boolean>
  flush(options?: FlushOptions): Promise<FlushResult>
  pending(): number
  /** Events lost so far and not yet reported to the receiver. */
  dropped(): number
  /** Resolves once the records already stored are read: an unload flush sends them from then on. */
  ready(): Promise<void>
  /** The time before which no batch goes, as last read or told (a receiver's `Retry-After`); 0 for none. */
  blockedUntil(): number
  /**
   * For good (opt-out, destroy): no batch is sent from now on, not even by a flush running now,
   * and no event is taken in. The answer to a batch already sent is still settled.
   */
  stop(): void
}
