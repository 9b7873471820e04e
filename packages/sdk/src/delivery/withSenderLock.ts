/**
 * Runs `task` while holding the sender lock of this outbox (Web Locks), so one tab sends at a
 * time. Background sends pass `wait: false` and resolve to null when another sender holds it;
 * an explicit flush waits its turn. Without Web Locks the task runs, and the outbox's own leases
 * keep two tabs from sending the same record at once. `task` is told whether it holds the lock.
 */
export async function withSenderLock<T>(
  name: string,
  task: (locked: boolean) => Promise<T>,
  { wait = false, win = window }: { wait?: boolean; win?: Window } = {},
): Promise<T | null> {
  const locks = win.navigator.locks
  if (!locks?.request) return task(false)
  try {
    return await locks.request(`${name}:send`, { ifAvailable: !wait }, (lock) =>
      lock ? task(true) : null,
    )
  } catch {
    // A lock manager that fails (some sandboxed frames): fall back to leases alone.
    return task(false)
  }
}
