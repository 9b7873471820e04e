import type { Config, InitOptions } from '@sonde/core'
import { remember } from '../config/rememberValid'
import type { KeyValue } from '../context/keyValue'
import { createInertSonde } from '../runtime/createInertSonde'
import { createLogger } from '../runtime/createLogger'
import type { Sonde } from '../runtime/types'
import { checkStart } from './checkStart'

/** Makes the running Sonde; `whenAllowed` gets its storage once it may write there. */
export type Launch = (
  options: InitOptions,
  config: Config | { url: string },
  whenAllowed: (kv: KeyValue) => void,
) => Sonde

/**
 * Starts Sonde with options not seen valid before on this site: checks them, logs the one error
 * (or what of the config was skipped), and remembers them, with consent, when all was valid, so
 * that the next pages start without this chunk.
 */
export function startChecked(
  options: unknown,
  key: string | null,
  version: string,
  launch: Launch,
): Sonde {
  const checked = checkStart(options, document.baseURI)
  const log = createLogger(checked.ok && checked.options.debug === true)
  if (!checked.ok) {
    log.error(checked.error)
    return createInertSonde('invalid options')
  }
  if (checked.warning) log.error(checked.warning)
  return launch(checked.options, checked.config, (kv) => {
    if (key !== null && !checked.warning) remember(kv, key, version)
  })
}
