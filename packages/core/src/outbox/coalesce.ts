/**
 * Serialises calls to `run`: one runs at a time, and the calls made while it runs share a single
 * follow-up run, with their flags OR-ed (a flush asked for during a flush must still happen, as
 * it may be for an event the running one did not see, but ten of them need only one more run).
 */
export function coalesce<T>(run: (flag: boolean) => Promise<T>): (flag: boolean) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  let waiting: Promise<T> | null = null
  let waitingFlag = false
  return (flag) => {
    waitingFlag ||= flag
    if (waiting) return waiting
    const done = tail.then(() => {
      waiting = null
      const startFlag = waitingFlag
      waitingFlag = false
      return run(startFlag)
    })
    waiting = done
    tail = done.catch(() => undefined)
    return done
  }
}
