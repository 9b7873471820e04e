import type { TargetingState } from '@sonde/core'
import { get, update } from 'idb-keyval'
import { withTimeout } from '../delivery/withTimeout'
import { mergeStored } from './mergeStored'
import { openIdbStore } from './openIdbStore'

export interface StatePersistence {
  /**
   * The stored state, once this tab's saves are in. With `into`, what is stored is merged into
   * `into.state` (what another tab counted, showed or answered since) and that is returned.
   */
  load(into?: { state: TargetingState }): Promise<TargetingState | null>
  /** Stores the state; null deletes it (opt-out). */
  save(state: TargetingState | null): void
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
  const store = openIdbStore(name, 'state')
  let broken = !store
  let writing = Promise.resolve()
  // This tab's state as the store last had it from or gave to this tab: what it counted since is
  // its own, to be added to what the other tabs stored.
  let base: TargetingState | null = null
  return {
    async load(into) {
      const from = base
      await writing
      if (broken || !store) return null
      try {
        const value = await withTimeout(get<unknown>(KEY, store), timeoutMs)
        if (!isState(value)) return null
        // Merged and taken in one step: a change made meanwhile is neither lost nor added twice.
        base = into ? mergeStored(into.state, value, from) : value
        if (into) into.state = base
        return base
      } catch {
        broken = true
        return null
      }
    },
    save(state) {
      if (broken || !store) return
      // Writes are chained so that an older state can never land after a newer one. Read and
      // write are one transaction: another tab's save cannot land in between.
      const from = base
      base = state
      const merge = (stored: unknown) =>
        state && isState(stored) ? mergeStored(state, stored, from) : state
      writing = writing
        .then(() => withTimeout(update(KEY, merge, store), timeoutMs))
        // A database that hangs is given up: every later write would wait out the timeout. One
        // that refused this write (a full disk, an aborted transaction) may take the next, which
        // carries the whole state.
        .catch((error?: Error) => {
          broken = error?.name === 'TimeoutError'
        })
    },
  }
}

function isState(value: unknown): value is TargetingState {
  const v = value as Partial<TargetingState> | null
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.user?.anonymousId === 'string' &&
    typeof v.session?.id === 'string' &&
    typeof v.eventCounts === 'object' &&
    typeof v.history === 'object'
  )
}
