import type { Logger } from './createLogger'

export interface CallQueue {
  /** Runs `task` once `first` and every task queued before it have run. */
  queue(task: () => void): void
  /** Runs `task` now; what it throws is logged, never thrown into the host. */
  guard(task: () => void): void
  /** Settles once everything queued so far has run. */
  settled(): Promise<void>
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
  let ready = first
  const guard = (task: () => void) => {
    try {
      task()
    } catch (error) {
      log.error('internal error', error)
    }
  }
  return {
    queue(task) {
      if (stopped()) return
      ready = ready
        .then(() => {
          if (!stopped()) guard(task)
        })
        .catch((error) => log.error('could not start', error))
    },
    guard,
    settled: () => ready,
  }
}
