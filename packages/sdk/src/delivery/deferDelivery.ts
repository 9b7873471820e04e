import type { SondeEvent, UsageContext } from '@sonde/core'
import type { ContextInput } from '../context/collectContext'
import { hasQueued } from './hasQueued'
import { channelName, openChannel } from './openChannel'
import type { Delivery, DeliveryOptions } from './startDelivery'
import { storeName } from './storeName'

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
  let started: Promise<Delivery | null> | null = null
  let running: Delivery | null = null
  let chunk: DeliveryChunk | null = null
  let stopped = false
  let waiting = 0
  // Between attempts: a timer, cut short by the browser coming back online.
  let timer: ReturnType<typeof setTimeout> | undefined
  let wake: (() => void) | null = null
  // The chunk's current load: flush answers at once while it is failing.
  let attempt: Promise<DeliveryChunk> | null = null
  // The outbox a UI chunk brought (`provide`): used instead of loading this chunk from then on.
  let given: DeliveryChunk | null = null
  const channel = openChannel(channelName(options.endpoint, options.key))

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = () => {
        clearTimeout(timer)
        wake = null
        resolve()
      }
      timer = setTimeout(wake, ms)
    })
  const start = (): Promise<Delivery | null> => {
    started ??= (async () => {
      for (let wait = 2_000; !stopped; wait = Math.min(wait * 2, 60_000)) {
        try {
          attempt = given ? Promise.resolve(given) : load()
          const loaded = await attempt
          if (stopped) break
          channel?.close()
          win.removeEventListener('online', onOnline)
          chunk = loaded
          running = loaded.startDelivery(options)
          return running
        } catch {
          if (stopped) break
          await pause(wait)
        }
      }
      return null
    })()
    return started
  }
  const onOnline = () => wake?.()
  const onWake = () => void start()
  channel?.addEventListener('message', onWake)
  win.addEventListener('online', onOnline)
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
    provide(chunk) {
      given = chunk
      // A failed load waiting out its pause takes it now (one in flight is awaited: the file
      // is a few bytes beside the queue the UI chunk has just brought).
      wake?.()
      void start()
    },
    enqueueWith,
    enqueue: async (event) => (await enqueueWith(() => event)) === true,
    async flush() {
      void start()
      try {
        await attempt
      } catch {
        // The chunk cannot be loaded now: what waits is reported rather than waited for.
        return { sent: 0, pending: waiting }
      }
      return running ? running.flush() : { sent: 0, pending: waiting }
    },
    pending: () => (running?.pending() ?? 0) + waiting,
    stop() {
      stopped = true
      clearTimeout(left)
      channel?.close()
      win.removeEventListener('online', onOnline)
      wake?.()
      running?.stop()
      running = null
    },
  }
}
