import type { Store } from '@sonde/core'
import { createFallbackStore } from './createFallbackStore'
import { createIdbStore } from './createIdbStore'
import { storeName } from './storeName'

/** A store that tells whether it has fallen back to memory. */
export type OpenedStore = Store & { degraded(): boolean }

/** The outbox store for this page: IndexedDB when it works, memory when it does not. */
export function openStore(
  endpoint: string,
  key: string | undefined,
  onFallback?: (error: unknown) => void,
): OpenedStore {
  let primary: Store | null = null
  try {
    if (typeof indexedDB !== 'undefined' && indexedDB)
      primary = createIdbStore({ name: storeName(endpoint, key) })
  } catch {
    // Reading `indexedDB` throws in some sandboxed iframes; memory it is.
  }
  return createFallbackStore(primary, onFallback)
}
