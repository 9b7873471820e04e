/**
 * Runs `task` while holding the sender lock of this outbox (Web Locks), so one tab sends at a
 * time. Background sends pass `wait: false` and resolve to null when another sender holds it;
 * an explicit flush waits its turn. Without Web Locks the task runs, and the outbox's own leases
 * keep two tabs from sending the same record at once.
 */
export async function withSenderLock<T>(
  name: string,
  task: () => Promise<T>,
  { wait = false, win = window }: { wait?: boolean; win?: Window } = {},
): Promise<T | null> {
  const locks = win.navigator.locks
  if (!locks?.request) return task()
  try {
    return await locks.request(`${name}:send`, { ifAvailable: !wait }, (lock) =>
      lock ? task() : null,
    )
  } catch {
    // A lock manager that fails (some sandboxed frames): fall back to leases alone.
    return task()
  }
}
