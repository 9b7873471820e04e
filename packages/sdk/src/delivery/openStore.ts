import type { Store } from '@sonde/core'
import { createFallbackStore } from './createFallbackStore'
import { createIdbStore } from './createIdbStore'

/** The database name for one endpoint + key, so two Sonde setups on a page never mix queues. */
export function storeName(endpoint: string, key = ''): string {
  let hash = 0x811c9dc5
  for (const char of `${endpoint}\u0000${key}`) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return `sonde-outbox-${hash.toString(36)}`
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
