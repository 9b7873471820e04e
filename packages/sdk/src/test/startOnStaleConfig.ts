import type { Config } from '@sonde/core'
import { vi } from 'vitest'
import { idbConfigCache } from '../config/configCache'
import { storeName } from '../delivery/storeName'
import { init } from '../init'
import type { Chunks } from '../runtime/chunks'
import type { Sonde } from '../runtime/types'
import { startSonde } from '../start'

/**
 * A returning visitor's page: it starts on `cached`, a copy of the remote config old enough to be
 * revalidated at once, and the collector answers with `fresh` (under ETag "v2") once it settles.
 * Batches are acked. With `chunks`, the page loads its chunks through them.
 */
export async function startOnStaleConfig(
  cached: Config,
  fresh: Config | Promise<Config>,
  chunks?: Chunks,
): Promise<Sonde> {
  const endpoint = `https://collect.test/${crypto.randomUUID()}/v1/batch`
  const config = `https://collect.test/${crypto.randomUUID()}/v1/config`
  await idbConfigCache(`${storeName(endpoint)}-config`).write(config, {
    config: cached,
    etag: '"v1"',
    fetchedAt: 0,
  })
  vi.spyOn(window, 'fetch').mockImplementation(async (input) =>
    String(input) === config
      ? Response.json(await fresh, { headers: { etag: '"v2"' } })
      : new Response('{"accepted":[],"rejected":[]}'),
  )
  const options = { endpoint, locale: 'en', config }
  return chunks ? startSonde(options, chunks) : init(options)
}
