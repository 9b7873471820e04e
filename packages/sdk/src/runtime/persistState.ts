import type { TargetingState } from '@sonde/core'
import type { UseStore } from 'idb-keyval'
import { withTimeout } from '../delivery/withTimeout'
import { get, update } from './keyval'
import { mergeStored } from './mergeStored'
import { openIdbStore } from './openIdbStore'

export interface StatePersistence {
  /**
   * The stored state, once this tab's saves are in. With `into`, what is stored is merged into
   * `into.state` (what another tab counted, showed or answered since) and that is returned.
   */
  load(into?: { state: TargetingState }): Promise<TargetingState | null>
  /** Stores the state; none deletes it (opt-out). */
  save(state?: TargetingState | null): void
}

const KEY = 'targeting'

/**
 * Display history and event counts in IndexedDB (a database of Sonde's own), so recontact
 * periods and cooldowns hold across reloads, and across the tabs that share it: a save merges
 * with what another tab stored meanwhile (see `mergeStored`) instead of overwriting it, adding
 * the events this tab counted since it last read or wrote the store to those stored. A
 * failing or hung database degrades to this page's memory: targeting then still works, it just
 * forgets sooner.
 */
export function persistState(name: string, timeoutMs = 2_000): StatePersistence {
  // Opens the database on first use only (openIdbStore).
  // No IndexedDB: broken from the start, so the store is never read where it is null.
  const store = openIdbStore(name, 'state') as UseStore
  let broken = !store
  let writing = Promise.resolve()
  // This tab's state as the store last had it from or gave to this tab: what it counted since is
  // its own, to be added to what the other tabs stored.
  let base: TargetingState | null | undefined = null
  // The save still waiting for the write before it to end.
  let next: { state?: TargetingState | null } | null = null
  // A database that hangs is given up: every later read or write would wait out the timeout.
  // One that failed a read or refused a write (a full disk, an aborted transaction, a value it
  // could not read back) may take the next save, which carries the whole state.
  const giveUp = (error?: Error | null) => {
    broken = error?.name === 'TimeoutError'
  }
  return {
    async load(into) {
      const from = base
      // A later save is one this load has not seen: it is written after, not joined to a write
      // this load waits for (its events would be added twice).
      next = null
      await writing
      if (broken) return null
      try {
        const value = await withTimeout(get<unknown>(KEY, store), timeoutMs)
        if (!isState(value)) return null
        // Merged and taken in one step: a change made meanwhile is neither lost nor added twice.
        base = into ? mergeStored(into.state, value, from) : value
        if (into) into.state = base
        return base
      } catch (error) {
        giveUp(error as Error)
        return null
      }
    },
    save(state) {
      if (broken) return
      const from = base
      base = state
      // A save while the last one waits for its turn replaces it: thousands of track() calls in
      // a burst are a few writes, not a transaction each (what it counted is added from `from`).
      if (next) {
        next.state = state
        return
      }
      // Writes are chained so that an older state can never land after a newer one. Read and
      // write are one transaction: another tab's save cannot land in between.
      const job = { state }
      next = job
      const merge = (stored: unknown) =>
        job.state && isState(stored) ? mergeStored(job.state, stored, from) : job.state
      writing = writing
        .then(() => {
          next = null
          return withTimeout(update(KEY, merge, store), timeoutMs)
        })
        .catch(giveUp)
    },
  }
}

// What the merge and the targeting read: a value of another shape (another release's, a damaged
// one) is none, replaced by the next save, not a merge that throws and gives the store up.
function isState(value: unknown): value is TargetingState {
  const v = value as Partial<TargetingState> | null
  return (
    typeof v?.user?.anonymousId === 'string' &&
    typeof v.session?.id === 'string' &&
    typeof v.session.prompts === 'number' &&
    v.eventCounts instanceof Object &&
    v.history instanceof Object
  )
}
