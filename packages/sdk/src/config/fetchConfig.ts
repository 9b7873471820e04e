import type { Config } from '@sonde/core'
import { withTimeout } from '../delivery/withTimeout'
import type { Validator } from '../runtime/chunks'
import type { Logger } from '../runtime/createLogger'
import { SDK_VERSION } from '../version'
import type { CachedConfig, ConfigCache } from './configCache'
import { hashText } from './hashText'

/** The result of asking the endpoint: a new config, "not modified", or a failure. */
export type Fetched =
  | { status: 'new'; entry: CachedConfig }
  | { status: 'same'; etag?: string | null }
  | { status: 'failed' }

/**
 * Fetches a remote config, revalidating with If-None-Match when an ETag is known, and keeps what
 * is valid: one invalid survey is skipped with its reason, the others still run. Only a body not
 * seen before loads the validator. Never throws.
 */
export async function fetchConfig(
  url: string,
  log: Logger,
  options: {
    validator: () => Promise<Validator>
    etag?: string | null
    hash?: string | undefined
    now?: number
    fetcher?: typeof fetch | undefined
  },
): Promise<Fetched> {
  const fetcher = options.fetcher ?? fetch
  try {
    const headers: Record<string, string> = options.etag ? { 'if-none-match': options.etag } : {}
    // A server that never answers must not hold the start, and every call waiting on it.
    const response = await withTimeout(fetcher(url, { credentials: 'omit', headers }), 10_000)
    if (response.status === 304) return { status: 'same' }
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    // Nor one that sends its headers and then stalls in the body.
    const text = await withTimeout(response.text(), 10_000)
    // The same body served again (no ETag, or a new one) is not checked again, unless by a new
    // version of Sonde, whose schemas may differ.
    const hash = hashText(SDK_VERSION + text)
    const etag = response.headers.get('etag')
    if (hash === options.hash) return { status: 'same', etag }
    const { checkConfig } = await options.validator()
    const { config, warning } = checkConfig(JSON.parse(text))
    if (warning) log.error(warning)
    return { status: 'new', entry: { config, etag, hash, fetchedAt: options.now ?? Date.now() } }
  } catch (error) {
    log.error(`could not load config from ${url}`, error)
    return { status: 'failed' }
  }
}

export interface RemoteConfig {
  /** The config to start with: the cached one at once when there is one, else the fetched one. */
  first: Promise<Config>
  stop(): void
}

/**
 * A remote config with stale-while-revalidate: the cached copy is used at once and refreshed in
 * the background when older than `ttlMs`, then every `ttlMs` while the page lives; a failed
 * refresh keeps the last good config. `onUpdate` receives each newer config.
 */
export function watchRemoteConfig(
  url: string,
  deps: {
    log: Logger
    validator: () => Promise<Validator>
    cache: ConfigCache
    onUpdate: (config: Config) => void
    ttlMs?: number
    fetcher?: typeof fetch
    now?: () => number
  },
): RemoteConfig {
  const ttlMs = deps.ttlMs ?? 5 * 60_000
  const now = deps.now ?? Date.now
  let current: CachedConfig | null = null
  let stopped = false

  const refresh = async (): Promise<Config | null> => {
    const result = await fetchConfig(url, deps.log, {
      validator: deps.validator,
      etag: current?.etag ?? null,
      hash: current?.hash,
      now: now(),
      fetcher: deps.fetcher,
    })
    if (result.status === 'failed') return null
    const entry =
      result.status === 'new'
        ? result.entry
        : current && {
            ...current,
            ...(result.etag !== undefined ? { etag: result.etag } : {}),
            fetchedAt: now(),
          }
    if (!entry) return null
    current = entry
    await deps.cache.write(url, entry)
    return result.status === 'new' ? entry.config : null
  }
  const update = async () => {
    const config = await refresh()
    if (config && !stopped) deps.onUpdate(config)
  }

  const first = (async () => {
    current = await deps.cache.read(url)
    if (!current) return (await refresh()) ?? {}
    if (now() - current.fetchedAt >= ttlMs) void update()
    return current.config
  })()
  const timer = setInterval(() => void update(), ttlMs)
  return {
    first,
    stop() {
      stopped = true
      clearInterval(timer)
    },
  }
}
