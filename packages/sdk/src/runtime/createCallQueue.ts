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
 * `stopped()` runs, nor anything queued before it that had not run yet. Calls waiting together
 * run one after another in one microtask, waiting only for a promise one returns: a burst (the
 * stub's queue replayed, an analytics forwarder) then writes the visit once, run inside `hold`
 * (createSonde's holdingWrites). Handed in rather than imported: this function then names
 * nothing outside it, and terser folds it into its one caller (sonde.js 9,991 -> 9,974 B
 * brotli), which a name it imported, shadowed there, prevented.
 */
export function createCallQueue(
  first: Promise<void>,
  log: Logger,
  stopped: () => boolean,
  hold: (run: () => unknown) => unknown,
): CallQueue {
  const tasks: (() => unknown)[] = []
  // Settled either way: the first call made after a failed start runs in its own link, not in
  // the next call's (or never, when it is the only one).
  let ready: Promise<unknown> = first.catch((error) => log.error('could not start', error))
  const guard = (task: () => unknown) => {
    try {
      return task()
    } catch (error) {
      log.error('internal error', error)
    }
  }
  const run = () =>
    hold(() => {
      while (tasks.length > 0) {
        const task = tasks.shift() as () => unknown
        const result = (stopped() || guard(task)) as Promise<unknown> | undefined
        if (result?.then) return result
      }
    })
  return {
    // One link a call, as each may be the one after a promise: the first runs all waiting.
    queue(task) {
      if (stopped()) return
      tasks.push(task)
      ready = ready.then(run).catch((error) => log.error('could not start', error))
    },
    guard,
    settled: () => ready,
  }
}
