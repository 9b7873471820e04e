import type { Store } from '@sonde/core'
import { createFallbackStore, type FallbackStore } from './createFallbackStore'
import { createIdbStore } from './createIdbStore'
import type { DeliveryOptions } from './startDelivery'
import { storeName } from './storeName'
import { localCopies } from './unsentCopy'

/**
 * A store that tells whether it has fallen back to memory, and keeps what it is not sure of in
 * localStorage as the page goes (`keepUnsent`).
 */
export type OpenedStore = Store & Pick<FallbackStore, 'degraded' | 'keepUnsent'>

/**
 * The outbox store for this page: IndexedDB when it works, memory when it does not, which the
 * debug log says once, with the error (an answer in memory is lost if the page goes before it is
 * sent and localStorage fails too; and where IndexedDB is missing, what was shown is not
 * remembered on the next page).
 */
export function openStore({ endpoint, key, onDegraded, log }: DeliveryOptions): OpenedStore {
  const memory = (...error: unknown[]) =>
    log?.debug('answers wait in memory: IndexedDB is missing or failed', ...error)
  const name = storeName(endpoint, key)
  let primary: Store | null = null
  try {
    if (typeof indexedDB !== 'undefined' && indexedDB) primary = createIdbStore({ name })
  } catch {
    // Reading `indexedDB` throws in some sandboxed iframes; memory it is.
  }
  if (!primary) memory()
  // The namespace of the visitor's ids (createConsent), which an opt-out clears.
  return createFallbackStore(primary, localCopies(`${name}:`), (error) => {
    memory(error)
    onDegraded?.(error)
  })
}
