import type { Logger } from './createLogger'

export interface CallQueue {
  /** Runs `task` once `first` and every task queued before it have run (a promise it returns, settled). */
  queue(task: () => unknown): void
  /** Runs `task` now; what it throws is logged, never thrown into the host. */
  guard(task: () => void): void
  /** Settles once everything queued so far has run. */
  settled(): Promise<unknown>
}

/**
 * The host's calls in the order they were made, each after `first` (the stored state and the
 * config loading): a `track` right after `init` must see the config. Nothing queued after
 * `stopped()` runs, nor anything queued before it that had not run yet.
 */
export function createCallQueue(
  first: Promise<void>,
  log: Logger,
  stopped: () => boolean,
): CallQueue {
  let ready: Promise<unknown> = first
  const guard = (task: () => unknown) => {
    try {
      return task()
    } catch (error) {
      log.error('internal error', error)
    }
  }
  return {
    queue(task) {
      if (stopped()) return
      ready = ready
        .then(() => (stopped() ? undefined : guard(task)))
        .catch((error) => log.error('could not start', error))
    },
    guard,
    settled: () => ready,
  }
}
