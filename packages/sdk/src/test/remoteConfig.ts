import type { Config } from '@sonde/core'
import { afterEach, type Mock, vi } from 'vitest'
import type { CachedConfig, ConfigCache } from '../config/configCache'
import { type RemoteConfigDeps, watchRemoteConfig } from '../config/watchRemoteConfig'
import type { Logger } from '../runtime/createLogger'

// What the remote config watcher's tests share: a logger, the validator, a cache in memory, an
// endpoint that counts its requests, and the watcher started over them.

export const log: { [K in keyof Logger]: Mock<Logger[K]> } = { debug: vi.fn(), error: vi.fn() }
// The real validator chunk, counted: most pages must not load it.
export const validator = vi.fn(() => import('../validate/index'))

export function memoryCache(
  entry: CachedConfig | null = null,
): ConfigCache & { entry: CachedConfig | null } {
  const cache = {
    entry,
    read: async () => cache.entry,
    write: async (_: string, next: CachedConfig) => {
      cache.entry = next
    },
  }
  return cache
}

// The endpoint: serves `body` with `etag`, answers 304 when revalidated with it.
export function endpoint(body: unknown, etag = '"v1"') {
  const calls: (string | null)[] = []
  const fetcher = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const sent = new Headers(init?.headers).get('if-none-match')
    calls.push(sent)
    if (sent === etag) return new Response(null, { status: 304 })
    return new Response(JSON.stringify(body), { status: 200, headers: { etag } })
  }) as unknown as typeof fetch
  return { fetcher, calls }
}

export const ids = (config: Config) => config.surveys?.map((s) => s.id)

// The watcher uses the page's fetch and clock: stood in for, with the endpoint and the time given.
// Consent is given unless a test says otherwise.
export function watch(
  url: string,
  deps: Omit<RemoteConfigDeps, 'allowed'> & {
    fetcher: typeof fetch
    now?: number
    allowed?: () => boolean
  },
) {
  vi.stubGlobal('fetch', deps.fetcher)
  if (deps.now !== undefined) vi.setSystemTime(deps.now)
  return watchRemoteConfig(url, { allowed: () => true, ...deps })
}
// Registered in every test file that imports this one.
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})
