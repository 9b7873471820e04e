import { fnv1a, type Store } from '@sonde/core'
import { createFallbackStore } from './createFallbackStore'
import { createIdbStore } from './createIdbStore'

/** The database name for one endpoint + key, so two Sonde setups on a page never mix queues. */
export function storeName(endpoint: string, key = ''): string {
  // Hashing UTF-16 units names the same databases as hashing code points did: the two differ only
  // beyond U+FFFF, which a resolved URL never holds (openStore.test.ts keeps them equal).
  return `sonde-outbox-${fnv1a(`${endpoint}\u0000${key}`).toString(36)}`
}

/** The outbox store for this page: IndexedDB when it works, memory when it does not. */
export function openStore(
  endpoint: string,
  key: string | undefined,
  onFallback?: (error: unknown) => void,
): Store & { degraded(): boolean } {
  let primary: Store | null = null
  try {
    if (typeof indexedDB !== 'undefined' && indexedDB)
      primary = createIdbStore({ name: storeName(endpoint, key) })
  } catch {
    // Reading `indexedDB` throws in some sandboxed iframes; memory it is.
  }
  return createFallbackStore(primary, onFallback)
}
