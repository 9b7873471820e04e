import { type Config, describeError, parseConfig } from '@sonde/core'
import type { Logger } from '../runtime/createLogger'
import type { CachedConfig, ConfigCache } from './configCache'

/** The result of asking the endpoint: a new config, "not modified", or a failure. */
export type Fetched =
  | { status: 'new'; entry: CachedConfig }
  | { status: 'same' }
  | { status: 'failed' }

/**
 * Fetches a remote config, revalidating with If-None-Match when an ETag is known, and keeps what
 * is valid: one invalid survey is skipped with its reason, the others still run. Never throws.
 */
export async function fetchConfig(
  url: string,
  log: Logger,
  options: { etag?: string | null; now?: number; fetcher?: typeof fetch } = {},
): Promise<Fetched> {
  const fetcher = options.fetcher ?? fetch
  try {
    const headers: Record<string, string> = options.etag ? { 'if-none-match': options.etag } : {}
    const response = await fetcher(url, { credentials: 'omit', headers })
    if (response.status === 304) return { status: 'same' }
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const { value, errors } = parseConfig(await response.json())
    if (errors.length > 0) {
      const reasons = errors.map((e) => `config.${describeError(e)}`).join('; ')
      log.error(`invalid config, the rest still runs: ${reasons}`)
    }
    const entry = {
      config: value,
      etag: response.headers.get('etag'),
      fetchedAt: options.now ?? Date.now(),
    }
    return { status: 'new', entry }
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
  let timer: ReturnType<typeof setInterval> | undefined
  let stopped = false

  const refresh = async (): Promise<Config | null> => {
    const result = await fetchConfig(url, deps.log, {
      etag: current?.etag ?? null,
      now: now(),
      ...(deps.fetcher ? { fetcher: deps.fetcher } : {}),
    })
    if (result.status === 'failed') return null
    const entry =
      result.status === 'new' ? result.entry : current && { ...current, fetchedAt: now() }
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
  timer = setInterval(() => void update(), ttlMs)
  return {
    first,
    stop() {
      stopped = true
      clearInterval(timer)
      timer = undefined
    },
  }
}
