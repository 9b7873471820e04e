import { openIdbStore } from '../runtime/openIdbStore'
import { withTimeout } from './withTimeout'

/** Which tab may send, for browsers without Web Locks: a claim kept in the outbox's database. */
export interface SenderClaim {
  /** True when this tab holds the claim now (taken, or renewed when it held it already). */
  take(): Promise<boolean>
  /** Gives the claim up, if this tab still holds it. */
  release(): Promise<void>
  /** How often a holder renews its claim while it sends. */
  readonly renewMs: number
}

export interface SenderClaimOptions {
  /** The outbox's database (one per endpoint + key). */
  name: string
  /** This tab, as the claim names it. */
  owner: string
  /** How long a claim lasts without renewal: a tab that died holding it blocks the others so long. */
  ms?: number
  timeoutMs?: number
  now?: () => number
}

// Beside the records and the meta values, under a key that neither reads as a record.
const KEY = 'm:sender'

interface Held {
  owner: string
  until: number
}

/**
 * A sender claim in IndexedDB. Reading who holds it, checking and writing this tab's name happen
 * in one readwrite transaction, and IndexedDB runs those one at a time on a store, so two tabs
 * can never both take it (separate read and write transactions, as the per-record leases are,
 * would let both read "free" before either writes). Every call settles within `timeoutMs`.
 */
export function createSenderClaim({
  name,
  owner,
  ms = 10_000,
  timeoutMs = 2_000,
  now = Date.now,
}: SenderClaimOptions): SenderClaim {
  // Its connection closes when a delete of the database asks it to (a host's logout that
  // clears IndexedDB), which would otherwise wait for it as long as the page lives.
  const store = openIdbStore(name, 'outbox')
  // Runs `decide` on the current holder in one transaction; it returns what to store, if anything.
  const exchange = (
    decide: (held: Held | null) => { write?: Held | null | undefined; result: boolean },
  ) => {
    // No IndexedDB to keep it in: the outbox is then in memory, this page's alone, and
    // withSenderLock runs the send unclaimed.
    if (!store) return Promise.reject(new Error('no IndexedDB'))
    return withTimeout(
      store('readwrite', (objectStore) => {
        let result = false
        const read = objectStore.get(KEY)
        read.onsuccess = () => {
          const decision = decide(readHeld(read.result))
          result = decision.result
          if (decision.write) objectStore.put(decision.write, KEY)
          else if (decision.write === null) objectStore.delete(KEY)
        }
        return new Promise<boolean>((resolve, reject) => {
          const { transaction } = objectStore
          transaction.oncomplete = () => resolve(result)
          transaction.onabort = transaction.onerror = () => reject(transaction.error)
        })
      }),
      timeoutMs,
    )
  }
  return {
    renewMs: Math.max(1, Math.floor(ms / 3)),
    take: () =>
      exchange((held) => {
        const at = now()
        // Free, run out (its tab died or froze), or already ours. A claim further ahead than a
        // claim can be was written under a clock since set back: it counts as run out.
        const free = !held || held.until <= at || held.until > at + ms || held.owner === owner
        return free ? { write: { owner, until: at + ms }, result: true } : { result: false }
      }),
    release: async () => {
      await exchange((held) => ({ write: held?.owner === owner ? null : undefined, result: true }))
    },
  }
}

function readHeld(value: unknown): Held | null {
  if (typeof value !== 'object' || value === null) return null
  const { owner, until } = value as Partial<Held>
  return typeof owner === 'string' && typeof until === 'number' ? { owner, until } : null
}
