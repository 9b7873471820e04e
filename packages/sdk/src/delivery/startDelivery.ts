import {
  createOutbox,
  type FlushResult,
  type Outbox,
  type SondeEvent,
  type Store,
  type Transport,
} from '@sonde/core'
import type { Logger } from '../runtime/createLogger'
import { uuidv7 } from '../uuidv7'
import { createFetchTransport } from './createFetchTransport'
import { createSenderClaim } from './createSenderClaim'
import { channelName, openChannel } from './openChannel'
import { type OpenedStore, openStore } from './openStore'
import { storeName } from './storeName'
import { withSenderLock } from './withSenderLock'

export interface DeliveryOptions {
  /** Absolute URL the batches go to (resolve relative endpoints before). */
  endpoint: string
  key?: string | undefined
  sdkVersion: string
  win?: Window
  store?: Store
  /** The outbox store this page already opened (by the queue that wrote its first events). */
  opened?: OpenedStore
  transport?: Transport
  /** An event left undelivered: refused by the endpoint, too large or evicted by the caps. */
  onDrop?: (event: SondeEvent, reason: string) => void
  /** After each send attempt: what was acked and what is still pending. */
  onFlushed?: (result: FlushResult) => void
  /** The store failed and the outbox now lives in memory only. */
  onDegraded?: (error: unknown) => void
  /** Where the debug log says the outbox is in memory (IndexedDB missing, or failed). */
  log?: Logger
  /** How often to look for due retries while something is pending. */
  retryCheckMs?: number
  /** How often to look for other tabs' events when nothing is pending here. */
  idleCheckMs?: number
}

export interface Delivery {
  /** Resolves once the event is stored: true when durably, false when in memory or dropped. */
  enqueue(event: SondeEvent): Promise<boolean>
  /** Sends everything pending now, skipping backoff waits but not a server's Retry-After. */
  flush(): Promise<FlushResult>
  pending(): number
  stop(): void
}

// A page going away may have ~100 KB queued: each unload call sends at most one 48 KB batch.
const MAX_UNLOAD_BATCHES = 8

/**
 * The outbox wired to the page: flush at start, when back online, when the page becomes visible,
 * after each enqueue and on a timer; one sending tab at a time; the unload path on
 * `visibilitychange: hidden` and `pagehide`. Nothing here throws into the host.
 */
export function startDelivery(options: DeliveryOptions): Delivery & Pick<Outbox, 'ready'> {
  const win = options.win ?? window
  // Also the name of the sender lock: one sending tab per endpoint + key.
  const name = channelName(options.endpoint, options.key)
  const channel = openChannel(name)
  const opened = options.store ? null : (options.opened ?? openStore(options))
  const store = options.store ?? (opened as Store)
  const transport =
    options.transport ??
    createFetchTransport(options.endpoint, { fetch: (...args) => win.fetch(...args) })
  const outbox = createOutbox({
    store,
    transport,
    clock: { now: () => Date.now() },
    key: options.key,
    sdk: { name: 'sonde', version: options.sdkVersion },
    newId: () => uuidv7(),
    exclusive: () => exclusive,
    ...(options.onDrop ? { onDrop: options.onDrop } : {}),
  })
  // Which tab sends where Web Locks are missing: in the outbox's own database, so only with it.
  const claim = opened
    ? createSenderClaim({ name: storeName(options.endpoint, options.key), owner: uuidv7() })
    : undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  // True only while this tab holds the sender lock, i.e. no other tab can be sending.
  let exclusive = false
  // A send was asked for while the lock was taken (an enqueue here, a wake from another tab):
  // the sender runs once more before letting go, instead of leaving it to the retry timer.
  let again = false
  // This tab's sends that hold the sender lock or wait for it.
  let asking = 0

  // The other pages of the endpoint: the sender, so that what is new does not wait for its timer.
  const wake = () => {
    try {
      if (!stopped) channel?.postMessage('wake')
    } catch {}
  }
  // The latest Retry-After this tab told the others of.
  let told = 0
  const online = () => win.navigator.onLine !== false
  // `probe`: the timer's, which tries even when the browser says it is offline (see schedule).
  const send = async (
    ignoreBackoff: boolean,
    probe = false,
    woken = false,
  ): Promise<FlushResult> => {
    const empty = { sent: 0, pending: outbox.pending() }
    if (stopped) return empty
    if (!probe && !online()) {
      schedule()
      return empty
    }
    const flush = async (locked: boolean) => {
      exclusive = locked
      try {
        again = false
        const result = await outbox.flush({ ignoreBackoff })
        while (again && !stopped && online()) {
          again = false
          result.sent += (await outbox.flush()).sent
          result.pending = outbox.pending()
        }
        return result
      } finally {
        exclusive = false
      }
    }
    const lockOptions = {
      wait: ignoreBackoff,
      win,
      // Not once the database has failed: the outbox is then this page's alone.
      ...(claim && opened?.degraded() === false ? { claim } : {}),
    }
    asking++
    const result = await withSenderLock(name, flush, lockOptions)
    asking--
    // Another tab sends now: it is woken, so that what is new here does not wait for its timer.
    // Only then: not while a send of this tab holds the lock or waits for it (it sends this too),
    // nor in answer to a wake (two tabs would wake each other while one sends). The message also
    // reaches the site's pages in the back/forward cache, and Chrome evicts a cached page whose
    // channel gets one (broadcastchannel-message): a wake at every event did so to each page the
    // visitor left, once the page they went on to queued anything.
    if (result === null) {
      again = true
      if (!woken && !asking) wake()
    }
    // A Retry-After new here: the other tabs read it with their next run, which the wake brings
    // at once (the lock is free now), so that their unload path, which cannot wait to read the
    // store, obeys it too.
    const until = result ? outbox.blockedUntil() : 0
    if (until > told) {
      told = until
      wake()
    }
    schedule()
    if (result) options.onFlushed?.(result)
    return result ?? empty
  }
  const schedule = () => {
    if (stopped) return
    clearTimeout(timer)
    // navigator.onLine says false on some devices that are online (a VPN's interface, some
    // network set-ups, a webview after sleep), and no 'online' event then comes: the timer still
    // tries, at the idle pace. On a device truly offline that try fails at once and backs off.
    const wait =
      outbox.pending() > 0 && online()
        ? (options.retryCheckMs ?? 2_000)
        : (options.idleCheckMs ?? 30_000)
    timer = setTimeout(() => void send(false, true), wait)
  }
  const unload = () => {
    // A write still under way is lost if the tab closes now; offline it is all there is.
    opened?.keepUnsent()
    if (!online()) return
    for (let i = 0; i < MAX_UNLOAD_BATCHES; i++)
      void outbox.flush({ unload: true, ignoreBackoff: true })
  }
  const onVisibility = () =>
    win.document.visibilityState === 'hidden' ? unload() : void send(true)
  const onOnline = () => void send(true)
  const onWake = () => void send(false, false, true)

  win.addEventListener('online', onOnline)
  win.addEventListener('pagehide', unload)
  win.document.addEventListener('visibilitychange', onVisibility)
  channel?.addEventListener('message', onWake)
  // A new page is a new chance: what an earlier page left waiting out a backoff goes now.
  void send(true)

  return {
    async enqueue(event) {
      // In memory only is not durably stored: the contract of Outbox.enqueue says false then.
      const stored = (await outbox.enqueue(event)) && opened?.degraded() !== true
      void send(false)
      return stored
    },
    flush: () => send(true),
    pending: () => outbox.pending(),
    ready: () => outbox.ready(),
    stop() {
      // Stopped for good (destroy, opt-out): the page going later finds no listener here, so
      // what no store is sure of is copied now for the next page (an opt-out then removes it).
      opened?.keepUnsent()
      stopped = true
      // A flush running now (the sender may be mid-way through many batches) sends no more.
      outbox.stop()
      clearTimeout(timer)
      win.removeEventListener('online', onOnline)
      win.removeEventListener('pagehide', unload)
      win.document.removeEventListener('visibilitychange', onVisibility)
      channel?.close()
    },
  }
}
