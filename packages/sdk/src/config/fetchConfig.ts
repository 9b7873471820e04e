import { type Config, describeError, parseConfig } from '@sonde/core'
import type { Logger } from '../runtime/createLogger'

/**
 * Fetches a remote config and keeps what is valid. A network or HTTP failure logs one error
 * and yields an empty config: Sonde then simply shows nothing.
 */
export async function fetchConfig(
  url: string,
  log: Logger,
  fetcher: typeof fetch = fetch,
): Promise<Config> {
  try {
    const response = await fetcher(url, { credentials: 'omit' })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const { value, errors } = parseConfig(await response.json())
    if (errors.length > 0) {
      log.error(
        `invalid config, the rest still runs: ${errors.map((e) => `config.${describeError(e)}`).join('; ')}`,
      )
    }
    return value
  } catch (error) {
    log.error(`could not load config from ${url}`, error)
    return {}
  }
}
