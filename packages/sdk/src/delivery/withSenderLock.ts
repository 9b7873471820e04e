import type { SenderClaim } from './createSenderClaim'

/**
 * Runs `task` while holding the sender lock of this outbox (Web Locks), so one tab sends at a
 * time. Background sends pass `wait: false` and resolve to null when another sender holds it;
 * an explicit flush waits its turn. `task` is told whether it holds the lock.
 *
 * Without Web Locks (or with a lock manager that fails, as in some sandboxed frames), `claim`
 * stands in: the task runs only while this tab holds the claim, renewed as it runs, and
 * resolves to null at once when another tab holds it (there is nothing to wait on). The task is
 * told it holds no lock all the same: a claim can lapse under a frozen tab, so the outbox keeps
 * its per-record leases too. With no claim (IndexedDB missing: the outbox is this page's alone)
 * the task just runs.
 */
export async function withSenderLock<T>(
  name: string,
  task: (locked: boolean) => Promise<T>,
  { wait = false, win = window, claim }: { wait?: boolean; win?: Window; claim?: SenderClaim } = {},
): Promise<T | null> {
  const locks = win.navigator.locks
  if (!locks?.request) return withClaim(claim, task)
  try {
    return await locks.request(`${name}:send`, { ifAvailable: !wait }, (lock) =>
      lock ? task(true) : null,
    )
  } catch {
    // A lock manager that fails (some sandboxed frames): the claim, or leases alone.
    return withClaim(claim, task)
  }
}

async function withClaim<T>(
  claim: SenderClaim | undefined,
  task: (locked: boolean) => Promise<T>,
): Promise<T | null> {
  if (!claim) return task(false)
  let held: boolean
  try {
    held = await claim.take()
  } catch {
    // The database does not answer: the outbox has fallen back to memory, this page's alone.
    return task(false)
  }
  if (!held) return null
  const renew = setInterval(() => void claim.take().catch(() => {}), claim.renewMs)
  try {
    return await task(false)
  } finally {
    clearInterval(renew)
    await claim.release().catch(() => {})
  }
}
