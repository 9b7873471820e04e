import type { Config } from '@sonde/core'
import { withTimeout } from '../delivery/withTimeout'
import { get, set } from '../runtime/keyval'
import { openIdbStore } from '../runtime/openIdbStore'
import { SDK_VERSION } from '../version'

/** A remote config as last received, with what revalidates it. */
export interface CachedConfig {
  config: Config
  etag: string | null
  /** Of the body it was read from (older entries have none). */
  hash?: string | undefined
  fetchedAt: number
  /** The SDK version that checked it. */
  sdk?: string
}

export interface ConfigCache {
  read(url: string): Promise<CachedConfig | null>
  write(url: string, entry: CachedConfig): Promise<void>
}

/**
 * The last good config per URL in IndexedDB (a database of Sonde's own), so a page shows what is
 * due at once and revalidates in the background. Every failure reads as "no cache"; so does
 * every use while `allowed()` says no (consent not given, or withdrawn while the page runs).
 */
export function idbConfigCache(
  name: string,
  allowed: () => boolean = () => true,
  timeoutMs = 2_000,
): ConfigCache {
  const db = openIdbStore(name, 'config')
  return {
    async read(url) {
      try {
        const entry =
          db && allowed() ? await withTimeout(get<CachedConfig>(url, db), timeoutMs) : undefined
        // Checked by another version of Sonde, whose schemas may differ: fetched and checked
        // again, as a new body would be.
        return entry?.sdk === SDK_VERSION && entry.config ? entry : null
      } catch {
        return null
      }
    },
    async write(url, entry) {
      try {
        if (db && allowed())
          await withTimeout(set(url, { ...entry, sdk: SDK_VERSION }, db), timeoutMs)
      } catch {}
    },
  }
}
