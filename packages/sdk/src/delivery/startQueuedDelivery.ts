import {
  buildBatches,
  createRecord,
  OUTBOX_DEFAULTS,
  type Outbox,
  type OutboxRecord,
  type SondeEvent,
} from '@sonde/core'
import { uuidv7 } from '../uuidv7'
import { createFetchTransport } from './createFetchTransport'
import { hasQueued } from './hasQueued'
import { openStore } from './openStore'
import type { Delivery, DeliveryOptions } from './startDelivery'
import { storeName } from './storeName'

/** The code that sends: the outbox, the transport, the sender lock (`startDelivery`). */
export interface Sender {
  startDelivery(options: DeliveryOptions): Delivery & Pick<Outbox, 'ready'>
}

// What a prompt reports on display alone can wait to go with what the respondent does next.
const DISPLAY = new Set<string>(['survey.shown', 'tour.started'])
// The unload path's limits, as the outbox's (a browser refuses more in keepalive requests).
const UNLOAD_LIMITS = {
  maxEvents: OUTBOX_DEFAULTS.maxBatchEvents,
  maxBytes: OUTBOX_DEFAULTS.maxUnloadBytes,
}

/**
 * The outbox as a prompt's UI chunk starts it: each event is written to the outbox's database at
 * once (write-ahead, as the outbox does), and the code that sends is loaded only when there is a
 * reason to send: the respondent acts (an event other than the display), a flush is asked for,
 * an earlier page left events, or the browser comes back online with events here. It then takes
 * the same store over, with what is in it. So a prompt is on screen without that code. Should
 * the page be hidden first, what it holds goes out on the unload path meanwhile. A load
 * that fails is tried again after a growing pause, or at once on the next of these reasons;
 * should this page go first, the next one sends what is stored.
 */
export function startQueuedDelivery(
  options: DeliveryOptions,
  loadSender: () => Promise<Sender> = () => import('./startDelivery'),
): Delivery {
  const win = options.win ?? window
  const opened = options.store ? null : (options.opened ?? openStore(options))
  const store = options.store ?? (opened as NonNullable<typeof opened>)
  const transport =
    options.transport ??
    createFetchTransport(options.endpoint, { fetch: (...args) => win.fetch(...args) })
  const writes = new Set<Promise<boolean>>()
  // Written here and not yet sent on an unload: what this page goes out with if it goes first.
  let held: OutboxRecord[] = []
  let sender: Delivery | null = null
  // The sender has read the store: from then on its own unload path has every record.
  let ready = false
  let loading: Promise<Delivery | null> | null = null
  let stopped = false
  let queued = 0
  // After a failed load: a pause that grows, cut short by the next event, flush or 'online'.
  let timer: ReturnType<typeof setTimeout> | undefined
  let pause = options.retryCheckMs ?? 2_000

  const load = (): Promise<Delivery | null> => {
    loading ??= loadSender().then(
      async (chunk) => {
        // Every write begun before the hand-over is in the store the sender reads as it starts;
        // none can begin between the last wait and `sender` being set.
        while (writes.size > 0) await Promise.all(writes)
        if (stopped) return null
        clearTimeout(timer)
        win.removeEventListener('online', onOnline)
        const started = chunk.startDelivery({
          ...options,
          transport,
          ...(opened ? { opened } : { store }),
        })
        sender = started
        // Until the sender has read what is held, the page going is still this one's to cover.
        void started.ready().then(() => {
          ready = true
          held = []
          unwatch()
        })
        return started
      },
      () => {
        loading = null
        clearTimeout(timer)
        if (!stopped) timer = setTimeout(load, pause)
        pause = Math.min(pause * 2, 60_000)
        return null
      },
    )
    return loading
  }
  const onOnline = () => {
    if (queued > 0) void load()
  }
  // The page may go before the sender has what is held (the visitor leaves a prompt they did not
  // answer): it goes in requests that need no answer, within the outbox's unload limits. It
  // stays stored all the same, and the sender sends it again under the same ids.
  const envelope = () => ({
    schema: 'sonde.batch/1' as const,
    batchId: uuidv7(),
    sentAt: new Date().toISOString(),
    ...(options.key === undefined ? {} : { key: options.key }),
    sdk: { name: 'sonde', version: options.sdkVersion },
  })
  // A receiver's Retry-After, stored by whichever page or tab it answered, binds this page too.
  // Read with each event, before its write (the unload path cannot wait on the store); a time
  // further off than the longest Retry-After obeyed is stale, as the outbox holds it.
  let notBefore = 0
  const readBlock = () =>
    void store.getMeta('notBefore').then(
      (until) => {
        notBefore = until ?? 0
      },
      () => {},
    )
  const blocked = (now: number) =>
    now < notBefore && notBefore - now <= OUTBOX_DEFAULTS.retryAfterCapMs
  const unload = () => {
    // Before anything else: offline, a write still under way is all the next page can have.
    opened?.keepUnsent()
    if (ready || held.length === 0 || win.navigator.onLine === false) return
    if (blocked(Date.now())) return
    // A record too large even alone is left to the sender, which drops and counts it.
    for (const group of buildBatches(held, envelope(), UNLOAD_LIMITS).batches) {
      const events = group.map((record) => record.event)
      void transport.send({ ...envelope(), events }, { unload: true }).catch(() => {})
    }
    held = []
  }
  const onVisibility = () => {
    if (win.document.visibilityState === 'hidden') unload()
  }
  const unwatch = () => {
    win.removeEventListener('online', onOnline)
    win.removeEventListener('pagehide', unload)
    win.document.removeEventListener('visibilitychange', onVisibility)
  }
  win.addEventListener('online', onOnline)
  win.addEventListener('pagehide', unload)
  win.document.addEventListener('visibilitychange', onVisibility)
  // What an earlier page left goes now, not with this prompt's answers.
  if (opened)
    void hasQueued(storeName(options.endpoint, options.key)).then((left) => {
      if (left && !stopped) void load()
    })

  return {
    enqueue(event: SondeEvent) {
      if (sender) return sender.enqueue(event)
      if (stopped) return Promise.resolve(false)
      const record = createRecord(event, Date.now())
      readBlock()
      const write = store.put([record]).then(
        () => opened?.degraded() !== true,
        () => false,
      )
      queued++
      held.push(record)
      writes.add(write)
      void write.finally(() => writes.delete(write))
      if (!DISPLAY.has(event.type)) void load()
      return write
    },
    async flush() {
      const running = sender ?? (stopped ? null : await load())
      return running ? running.flush() : { sent: 0, pending: queued }
    },
    // Until the sender has read the store, what this queue wrote is not in its count yet.
    pending: () => (ready && sender ? sender.pending() : queued),
    stop() {
      // As the sender's stop does (startDelivery), for a page that goes without listeners.
      opened?.keepUnsent()
      stopped = true
      clearTimeout(timer)
      unwatch()
      sender?.stop()
    },
  }
}
