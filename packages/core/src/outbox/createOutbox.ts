import type { Batch } from '../schema/batch'
import type { SondeEvent } from '../schema/event'
import { buildBatches } from './buildBatches'
import { classifyResponse } from './classifyResponse'
import { coalesce } from './coalesce'
import { compareAge } from './compareAge'
import { createLedger } from './createLedger'
import { createRecord } from './createRecord'
import { evictOverCaps } from './evictOverCaps'
import { type DueOptions, isDue } from './isDue'
import { lease, release } from './lease'
import { measureJson } from './measureJson'
import { OUTBOX_DEFAULTS, type OutboxLimits } from './outboxDefaults'
import { sendingMark } from './sendingMark'
import { settleBatch } from './settleBatch'
import type {
  BatchEnvelope,
  FlushOptions,
  FlushResult,
  Outbox,
  OutboxOptions,
  OutboxRecord,
  TransportResult,
} from './types'

/**
 * An outbox over the injected store, transport and clock. Events are stored before `enqueue`
 * resolves and leave the store only on an ack, a definitive refusal or an eviction; every loss is
 * counted in the next batch's `dropped`. Concurrent flushes coalesce into one follow-up run.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { transport, clock, key, sdk, newId, random = Math.random } = options
  const limits: OutboxLimits = { ...OUTBOX_DEFAULTS, ...options.limits }
  const caps = { maxItems: limits.maxItems, maxBytes: limits.maxTotalBytes, ttlMs: limits.ttlMs }
  // A stored time further off than the longest Retry-After obeyed was written under a clock since
  // set back: ignored, and replaced by the next one a receiver names.
  const stale = (until: number) => until - clock.now() > limits.retryAfterCapMs
  const { ledger, loaded } = createLedger(options.store, options.onDrop, stale)
  let loadDone = false
  void loaded.then(() => {
    loadDone = true
  })
  const unloading = new Set<string>()
  let stopped = false
  // Nothing goes before the time a receiver's Retry-After named, whichever page or tab it answered.
  const blocked = (now: number) => now < ledger.notBefore() && !stale(ledger.notBefore())

  const result = (sent: number): FlushResult => ({ sent, pending: ledger.records.size })
  // `dropped` is the count the ledger reserves for this batch (after the rest, which may throw):
  // several batches may be in flight at once (the pipelined flush, an unload send beside it),
  // and each drop goes in one of them.
  const envelope = (): BatchEnvelope => ({
    schema: 'sonde.batch/1',
    batchId: newId(),
    sentAt: new Date(clock.now()).toISOString(),
    ...(key === undefined ? {} : { key }),
    sdk,
  })
  // A batch built and not sent reports nothing.
  const unreport = (head: BatchEnvelope) => ledger.settleDropped(head.dropped ?? 0, false)
  // The longest wait and lease the outbox gives: a time further off was set under a clock since
  // set back, and holds a record no longer.
  const maxWaitMs = Math.max(limits.backoffCapMs, limits.retryAfterCapMs)
  const due = (now: number, options: DueOptions) =>
    [...ledger.records.values()]
      .filter((record) => isDue(record, now, { maxWaitMs, leaseMs: limits.leaseMs, ...options }))
      .sort(compareAge)
  // The records of each batch this tab has in flight, on either path.
  const flights = new Set<readonly OutboxRecord[]>()
  const exclusive = () => options.exclusive?.() === true
  const evict = (now: number) =>
    evictOverCaps(ledger, flights, now, caps, limits.leaseMs, exclusive)

  async function enqueue(event: SondeEvent): Promise<boolean> {
    try {
      const record = createRecord(event, clock.now())
      const fits = record.bytes <= limits.maxBatchBytes
      // On disk at once while the store's first read runs (long on a slow phone with a full
      // outbox): the page may not outlive it. The ledger writes it again once loaded.
      if (!loadDone && !stopped && fits) {
        try {
          await options.store.put([record])
        } catch {}
      }
      await loaded
      if (stopped) return false
      if (!fits) {
        await ledger.drop([{ record, reason: 'too_large' }], false)
        return false
      }
      const stored = await ledger.add([record])
      // Not `ledger.records.has(…)`: a flush running meanwhile may already have delivered it.
      const evicted = await evict(clock.now())
      return stored && !evicted.has(event.id)
    } catch {
      return false
    }
  }

  // Deletes of acked records still being written: a flush sends its next batch meanwhile (at
  // worst, a page that dies before they land sends those events again, under the same ids).
  const deleting = new Set<Promise<void>>()
  const forget = (ids: readonly string[]) => {
    const done = ledger.remove(ids).finally(() => deleting.delete(done))
    deleting.add(done)
  }

  async function send(head: BatchEnvelope, group: readonly OutboxRecord[], unload: boolean) {
    flights.add(group)
    try {
      return await sendGroup(head, group, unload)
    } finally {
      flights.delete(group)
    }
  }

  async function sendGroup(head: BatchEnvelope, group: readonly OutboxRecord[], unload: boolean) {
    const batch: Batch = { ...head, events: group.map((record) => record.event) }
    let response: TransportResult
    try {
      // Called before any await: on the unload path the page may not live to see a microtask.
      response = await transport.send(batch, { unload })
    } catch {
      response = { error: 'network' }
    }
    // Nothing went (no room left on the unload path): no attempt to count, nothing to settle.
    if ('error' in response && response.error === 'unsent') {
      await unreport(head)
      return { acked: 0, split: null, halt: true }
    }
    const now = clock.now()
    const verdict = classifyResponse(
      response,
      batch.events.map((event) => event.id),
    )
    const settled = settleBatch(group, verdict, now, limits, random)
    if (settled.blockedUntil !== null) await ledger.block(settled.blockedUntil)
    await ledger.settleDropped(head.dropped ?? 0, verdict.kind === 'ack')
    forget(settled.acked)
    await ledger.drop(settled.dropped)
    await ledger.update(settled.retried)
    return { acked: settled.acked.length, split: settled.split, halt: settled.halt }
  }

  // Sends the due records oldest first, up to `maxBatchesInFlight` batches at a time. The window
  // opens one batch per clean ack and shuts to one on anything else, so a receiver that fails
  // or throttles sees a single request, as from a strictly serial sender; halves of a 413 go one
  // at a time, in order. Each record is in one batch only, so no id is ever in flight twice.
  async function sendDue(ignoreBackoff: boolean): Promise<number> {
    // The only possible sender needs no leases: they keep other senders off, and there are none.
    // It says instead until when it may have records in flight, for the caps of other tabs.
    const alone = exclusive()
    let queue = due(clock.now(), { ignoreBackoff, ignoreLease: alone })
    const mark = alone ? sendingMark(ledger, clock.now, limits.leaseMs) : null
    // Batches planned for an envelope of `planned` bytes; planned again only when the envelope
    // changes size (a new dropped count), not for every batch of a long flush.
    let plan: OutboxRecord[][] = []
    let planned = Number.NaN
    const halves: OutboxRecord[][] = []
    const flying = new Set<Promise<void>>()
    let halvesFlying = 0
    let window = 1
    // At least one: a window of none would wait forever on no batch.
    const widest = Math.max(1, limits.maxBatchesInFlight)
    let halted = false
    let sent = 0
    // The stored dropped count is read for the flush's first batch; the later ones reserve from
    // it (one sender at a time: no other tab settles it meanwhile), which spares an IndexedDB
    // read per batch. Losses another tab adds meanwhile go with the next flush.
    let fresh = true
    while (!halted && !stopped && !blocked(clock.now())) {
      const limit = halves.length > 0 || halvesFlying > 0 ? 1 : window
      const idle = queue.length === 0 && plan.length === 0 && halves.length === 0
      if (flying.size >= limit || (idle && flying.size > 0)) {
        // A batch settling may free the window, bring halves or halt the flush.
        await Promise.race(flying)
        continue
      }
      if (idle) break
      const head = { ...envelope(), dropped: await ledger.report(fresh) }
      fresh = false
      let group = halves.shift()
      const half = group !== undefined
      if (!group) {
        const overhead = measureJson({ ...head, events: [] })
        if (queue.length > 0 || overhead !== planned) {
          const bytes = { maxEvents: limits.maxBatchEvents, maxBytes: limits.maxBatchBytes }
          const built = buildBatches([...plan.flat(), ...queue], head, bytes)
          await ledger.drop(built.tooLarge.map((record) => ({ record, reason: 'too_large' })))
          plan = built.batches
          queue = []
          planned = overhead
        }
        group = plan.shift()
        if (!group) {
          await unreport(head)
          if (flying.size === 0) break
          continue
        }
      }
      // Leased (or marked) batch by batch, so that a long flush cannot outlive its leases.
      const held = group.flatMap((record) => ledger.records.get(record.event.id) ?? [])
      const leased = alone ? held : lease(held, clock.now(), limits.leaseMs)
      if (!alone) await ledger.update(leased)
      await mark?.renew()
      // Stopped while this batch was being made ready.
      if (leased.length === 0 || stopped) {
        await unreport(head)
        continue
      }
      if (half) halvesFlying += 1
      const flight = send(head, leased, false)
        .then((outcome) => {
          sent += outcome.acked
          if (outcome.split) halves.unshift(...outcome.split)
          if (outcome.halt) halted = true
          const clean = !outcome.split && !outcome.halt && outcome.acked === leased.length
          window = clean ? Math.min(window + 1, widest) : 1
        })
        .catch(() => {
          window = 1
        })
        .finally(() => {
          if (half) halvesFlying -= 1
          flying.delete(flight)
        })
      flying.add(flight)
    }
    await Promise.all(flying)
    await ledger.update(halves.flat().map(release))
    await Promise.all(deleting)
    await mark?.clear()
    return sent
  }

  async function run(ignoreBackoff: boolean): Promise<FlushResult> {
    try {
      // A run that begins while the load is still reading the store (the flush at page start)
      // gets the records as fresh as a refresh would, without reading them all twice.
      const fresh = !loadDone
      await loaded
      if (!fresh) await ledger.refresh()
      if (stopped) return result(0)
      await evict(clock.now())
      return result(await sendDue(ignoreBackoff))
    } catch {
      return result(0)
    }
  }

  function flushOnUnload(ignoreBackoff: boolean): Promise<FlushResult> {
    try {
      const now = clock.now()
      if (stopped || blocked(now)) return Promise.resolve(result(0))
      // Every record not already on its way out, so that pagehide after visibilitychange does not
      // send the same batch twice.
      const waiting = due(now, { ignoreBackoff, ignoreLease: true }).filter(
        (record) => !unloading.has(record.event.id),
      )
      if (waiting.length === 0) return Promise.resolve(result(0))
      // No dropped count: another tab's losses may be newer than the count this tab last read,
      // and a batch that needs no answer could not settle it. The next normal batch reports it.
      const head = { ...envelope(), dropped: 0 }
      const bytes = { maxEvents: limits.maxBatchEvents, maxBytes: limits.maxUnloadBytes }
      const group = buildBatches(waiting, head, bytes).batches[0]
      if (!group) {
        void unreport(head)
        return Promise.resolve(result(0))
      }
      for (const record of group) unloading.add(record.event.id)
      return send(head, group, true)
        .then((outcome) => result(outcome.acked))
        .catch(() => result(0))
        .finally(() => {
          for (const record of group) unloading.delete(record.event.id)
        })
    } catch {
      return Promise.resolve(result(0))
    }
  }

  const flushLater = coalesce(run)
  return {
    enqueue,
    flush: ({ unload = false, ignoreBackoff = false }: FlushOptions = {}) =>
      unload ? flushOnUnload(ignoreBackoff) : flushLater(ignoreBackoff),
    pending: () => ledger.records.size,
    dropped: () => ledger.dropped(),
    ready: () => loaded.catch(() => {}),
    blockedUntil: () => (blocked(clock.now()) ? ledger.notBefore() : 0),
    stop() {
      stopped = true
    },
  }
}
