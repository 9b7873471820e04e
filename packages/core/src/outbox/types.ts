import type { Batch } from '../schema/batch'
import type { SondeEvent } from '../schema/event'

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
 * `Retry-After`, which every page and tab must obey, not only the one it answered).
 */
export type MetaName = 'dropped' | 'notBefore'

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
