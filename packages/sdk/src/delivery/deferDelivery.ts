import type { SondeEvent, UsageContext } from '@sonde/core'
import type { ContextInput } from '../context/collectContext'
import { listen } from '../runtime/listen'
import { hasQueued } from './hasQueued'
import { channelName, openChannel } from './openChannel'
import type { Delivery, DeliveryOptions } from './startDelivery'
import { storeName } from './storeName'
import { withTimeout } from './withTimeout'

/** The delivery chunk: the outbox, its IndexedDB store, the transport, the sender lock and the usage context. */
export interface DeliveryChunk {
  startDelivery(options: DeliveryOptions): Delivery
  collectContext(input: ContextInput): UsageContext
}

/** The outbox that starts when first needed, and what starts it early. */
export interface DeferredDelivery extends Delivery {
  /**
   * The outbox code as another chunk brought it: the survey and tour chunks carry its queue, so
   * a prompt is never on screen without it and its answers are stored without waiting on a
   * separate download (the queue loads the code that sends once the respondent acts).
   */
  provide(chunk: DeliveryChunk): void
  /**
   * Queues the event `make` builds with the chunk once it is here; null when `make` gives
   * nothing to queue (the host's `beforeSend` dropped it).
   */
  enqueueWith(make: (chunk: DeliveryChunk) => SondeEvent | null): Promise<boolean | null>
}

/**
 * The outbox, loaded on demand so that pages with nothing to send never download it: it starts
 * for an event to queue, a flush, records an earlier page left (counted 3 s after start), or
 * another tab's wake-up (its sender may be gone, this tab takes over), and with a prompt's UI
 * chunk, which brings it (`provide`). Events wait in order meanwhile; a chunk that fails to
 * load is tried again with a growing pause, at once when back online or when a UI chunk brings
 * it.
 */
export function deferDelivery(
  load: () => Promise<DeliveryChunk>,
  options: DeliveryOptions,
): DeferredDelivery {
  const win = options.win ?? window
  let running: Delivery | null = null
  let chunk: DeliveryChunk | null = null
  let stopped = false
  let waiting = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let wait = 2_000
  // The current load, or the last one while its pause runs: what starts meanwhile joins it.
  let attempt: Promise<unknown> | null = null
  // Settles once: with the outbox running, or with null when stopped first.
  let settle!: (delivery: Delivery | null) => void
  const started = new Promise<Delivery | null>((resolve) => {
    settle = resolve
  })
  const channel = openChannel(channelName(options.endpoint, options.key))

  // The first outbox to arrive runs: this chunk's own, or one a UI chunk brings, which need not
  // wait for a load of this one that is failing or hanging.
  const run = (loaded: DeliveryChunk) => {
    if (stopped || running) return
    unwatch()
    chunk = loaded
    running = loaded.startDelivery(options)
    settle(running)
    // Nothing loads once an outbox runs.
    attempt = started
  }
  const start = () => {
    attempt ??= load().then(run, () => {
      if (!stopped) timer = setTimeout(retry, wait)
      wait = Math.min(wait * 2, 60_000)
    })
    return started
  }
  const retry = () => {
    clearTimeout(timer)
    if (running || stopped) return
    attempt = null
    void start()
  }
  const onWake = () => void start()
  const unwatch = () => {
    clearTimeout(timer)
    clearTimeout(left)
    channel?.close()
    unlisten()
  }
  channel?.addEventListener('message', onWake)
  const unlisten = listen(win, 'online', retry)
  // What an earlier page left is looked for once this one has started: it is rarely urgent (a
  // page going sends what it holds on its way out), and the host's start should not wait on it.
  const left = options.store
    ? undefined
    : setTimeout(
        () =>
          void hasQueued(storeName(options.endpoint, options.key)).then((queued) => {
            if (queued) onWake()
          }),
        3_000,
      )

  async function enqueueWith(make: (chunk: DeliveryChunk) => SondeEvent | null) {
    waiting++
    const delivery = await start()
    waiting--
    // Stopped meanwhile (opt-out, destroy): nothing is made, stored or counted.
    if (stopped || !delivery || !chunk) return null
    const event = make(chunk)
    return event ? delivery.enqueue(event) : null
  }

  return {
    provide: run,
    enqueueWith,
    enqueue: async (event) => (await enqueueWith(() => event)) === true,
    async flush() {
      void start()
      // A load that fails, or hangs (a CDN edge that never answers): what waits is reported
      // rather than waited for.
      await withTimeout(attempt as Promise<unknown>, 10_000).catch(() => {})
      return running ? running.flush() : { sent: 0, pending: waiting }
    },
    pending: () => (running?.pending() ?? 0) + waiting,
    stop() {
      stopped = true
      unwatch()
      settle(null)
      attempt = started
      running?.stop()
      running = null
    },
  }
}
