import { createRecord, type SondeEvent } from '@sonde/core'
import { hasQueued } from './hasQueued'
import { openStore } from './openStore'
import type { Delivery, DeliveryOptions } from './startDelivery'
import { storeName } from './storeName'

/** The code that sends: the outbox, the transport, the sender lock (`startDelivery`). */
export interface Sender {
  startDelivery(options: DeliveryOptions): Delivery
}

// What a prompt reports on display alone can wait to go with what the respondent does next.
const DISPLAY = new Set<string>(['survey.shown', 'tour.started'])

/**
 * The outbox as a prompt's UI chunk starts it: each event is written to the outbox's database at
 * once (write-ahead, as the outbox does), and the code that sends is loaded only when there is a
 * reason to send: the respondent acts (an event other than the display), a flush is asked for,
 * an earlier page left events, or the browser comes back online with events here. It then takes
 * the same store over, with what is in it. So a prompt is on screen without that code. A load
 * that fails is tried again after a growing pause, or at once on the next of these reasons;
 * should this page go first, the next one sends what is stored.
 */
export function startQueuedDelivery(
  options: DeliveryOptions,
  loadSender: () => Promise<Sender> = () => import('./startDelivery'),
): Delivery {
  const win = options.win ?? window
  const opened = options.store
    ? null
    : (options.opened ?? openStore(options.endpoint, options.key, options.onDegraded))
  const store = options.store ?? (opened as NonNullable<typeof opened>)
  const writes = new Set<Promise<boolean>>()
  let sender: Delivery | null = null
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
        win.removeEventListener('online', onOnline)
        sender = chunk.startDelivery({
          ...options,
          ...(opened ? { opened } : { store }),
        })
        return sender
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
  win.addEventListener('online', onOnline)
  // What an earlier page left goes now, not with this prompt's answers.
  if (opened)
    void hasQueued(storeName(options.endpoint, options.key)).then((left) => {
      if (left && !stopped) void load()
    })

  return {
    enqueue(event: SondeEvent) {
      if (sender) return sender.enqueue(event)
      if (stopped) return Promise.resolve(false)
      const write = store.put([createRecord(event, Date.now())]).then(
        () => opened?.degraded() !== true,
        () => false,
      )
      queued++
      writes.add(write)
      void write.finally(() => writes.delete(write))
      if (!DISPLAY.has(event.type)) void load()
      return write
    },
    async flush() {
      const running = sender ?? (await load())
      return running ? running.flush() : { sent: 0, pending: queued }
    },
    pending: () => sender?.pending() ?? queued,
    stop() {
      stopped = true
      clearTimeout(timer)
      win.removeEventListener('online', onOnline)
      sender?.stop()
    },
  }
}
