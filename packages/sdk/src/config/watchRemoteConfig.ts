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

export interface RemoteConfigDeps {
  log: Logger
  validator: () => Promise<Validator>
  cache: ConfigCache
  onUpdate: (config: Config) => void
  /** Consent: a revalidation's turn while it is withdrawn passes without a request. */
  allowed: () => boolean
  ttlMs?: number
}

export interface RemoteConfig {
  /** The config to start with: the cached one at once when there is one, else the fetched one. */
  first: Promise<Config>
  stop(): void
}

/**
 * A remote config with stale-while-revalidate: the cached copy is used at once and refreshed in
 * the background once it is `ttlMs` old, then every `ttlMs` while the page lives; a failed
 * refresh keeps the last good config. `onUpdate` receives each newer config.
 */
export function watchRemoteConfig(url: string, deps: RemoteConfigDeps): RemoteConfig {
  const ttlMs = deps.ttlMs ?? 5 * 60_000
  let current: CachedConfig | null = null
  let stopped = false

  const refresh = async (): Promise<Config | null> => {
    const result = await fetchConfig(url, deps, current)
    if (result.status === 'failed') return null
    const entry =
      result.status === 'new'
        ? result.entry
        : // The body is the one cached: an ETag it came under still names it.
          current && { ...current, etag: result.etag ?? current.etag, fetchedAt: Date.now() }
    if (!entry) return null
    current = entry
    await deps.cache.write(url, entry)
    return result.status === 'new' ? entry.config : null
  }
  const update = async () => {
    // Opted out since: a request tells the server the visitor is here.
    const config = deps.allowed() && (await refresh())
    if (config && !stopped) deps.onUpdate(config)
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  const first = (async () => {
    current = await deps.cache.read(url)
    const config = current ? current.config : ((await refresh()) ?? {})
    // Revalidated once the copy is `ttlMs` old (at once, in the background, if it is already),
    // not `ttlMs` after this page opened on it, then every `ttlMs`. A copy fetched under a clock
    // since set back is no older than one fetched now, not kept until the clock catches up.
    if (!stopped)
      timer = setTimeout(
        () => {
          void update()
          timer = setInterval(update, ttlMs)
        },
        current ? Math.min(current.fetchedAt + ttlMs - Date.now(), ttlMs) : ttlMs,
      )
    return config
  })()
  return {
    first,
    stop() {
      stopped = true
      clearInterval(timer)
    },
  }
}

/**
 * Asks the endpoint for the config, revalidating with If-None-Match when an ETag is known, and
 * keeps what is valid: one invalid survey is skipped with its reason, the others still run. Only
 * a body not seen before loads the validator. Never throws.
 */
async function fetchConfig(
  url: string,
  deps: RemoteConfigDeps,
  known: CachedConfig | null,
): Promise<Fetched> {
  try {
    const headers: Record<string, string> = known?.etag ? { 'if-none-match': known.etag } : {}
    // A server that never answers must not hold the start, and every call waiting on it. No
    // Referer: on the page's own origin it would carry the page's query.
    const response = await withTimeout(
      fetch(url, { credentials: 'omit', referrer: '', headers }),
      10_000,
    )
    if (response.status === 304) return { status: 'same' }
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    // Nor one that sends its headers and then stalls in the body.
    const text = await withTimeout(response.text(), 10_000)
    // The same body served again (no ETag, or a new one) is not checked again, unless by a new
    // version of Sonde, whose schemas may differ.
    const hash = hashText(SDK_VERSION + text)
    const etag = response.headers.get('etag')
    if (hash === known?.hash) return { status: 'same', etag }
    const { checkConfig } = await deps.validator()
    const { config, warning } = checkConfig(JSON.parse(text))
    if (warning) deps.log.error(warning)
    return { status: 'new', entry: { config, etag, hash, fetchedAt: Date.now() } }
  } catch (error) {
    deps.log.error(`could not load config from ${url}`, error)
    return { status: 'failed' }
  }
}
