import type { Config, InitOptions } from '@sonde/core'
import { optionsFromKey, optionsKey } from './config/optionsKey'
import { isRemembered } from './config/rememberValid'
import { localKeyValue } from './context/keyValue'
import { storeName } from './delivery/storeName'
import type { Chunks } from './runtime/chunks'
import { createInertSonde } from './runtime/createInertSonde'
import { createLogger } from './runtime/createLogger'
import { createSonde } from './runtime/createSonde'
import { pageBase } from './runtime/pageBase'
import type { Sonde } from './runtime/types'
import { SDK_VERSION } from './version'

export { SDK_VERSION }

/**
 * `init` with the way to load each chunk given: the npm entry imports them, the script-tag bundle
 * loads them by URL beside itself. Options seen valid before on this site start at once; others
 * first load the validator chunk: the Sonde comes as a promise then (it never rejects), and the
 * caller queues calls meanwhile.
 */
export function startSonde(options: InitOptions, chunks: Chunks): Sonde | Promise<Sonde> {
  const fail = (error: unknown) => {
    console.error('[sonde] could not start', error)
    return createInertSonde('error')
  }
  try {
    if (typeof window === 'undefined') return createInertSonde('no window')
    const key = optionsKey(options)
    const kv = key === null ? null : memoFor(options)
    const known = key !== null && kv && isRemembered(kv, key, SDK_VERSION)
    const recalled = known ? optionsFromKey(key, options as Record<string, unknown>) : null
    if (recalled) return launch(recalled, recalled.config ?? {}, chunks)
    return chunks
      .validator()
      .then(({ startChecked }) =>
        startChecked(options, key, SDK_VERSION, (checked, config, whenAllowed) =>
          launch(checked, config, chunks, whenAllowed),
        ),
      )
      .catch(fail)
  } catch (error) {
    return fail(error)
  }
}

function launch(
  options: InitOptions,
  config: Config | string | { url: string },
  chunks: Chunks,
  whenAllowed?: (kv: ReturnType<typeof localKeyValue>) => void,
): Sonde {
  const source = typeof config === 'string' ? { url: new URL(config, pageBase()).href } : config
  return createSonde(options, source, {
    win: window,
    log: createLogger(options.debug === true),
    chunks,
    sdkVersion: SDK_VERSION,
    whenAllowed,
  })
}

// The memo lives beside the rest of this endpoint's storage; options too odd to name one
// (no endpoint string) are simply checked every time.
function memoFor(options: InitOptions) {
  try {
    const endpoint = new URL(options.endpoint, pageBase()).href
    return localKeyValue(`${storeName(endpoint, options.key)}:`)
  } catch {
    return null
  }
}
