import type { Config, InitOptions } from '@sonde/core'
import { optionsFromKey } from '../config/optionsKey'
import { remember } from '../config/rememberValid'
import type { KeyValue } from '../context/keyValue'
import { createInertSonde } from '../runtime/createInertSonde'
import { createLogger } from '../runtime/createLogger'
import { pageBase } from '../runtime/pageBase'
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
  options: InitOptions,
  key: string | null,
  version: string,
  launch: Launch,
): Sonde {
  // What is checked is what a later page would run on a memo hit: the serialised form read back
  // (the live object may change meanwhile). Options of a kind the key cannot carry go as they are
  // and are not remembered.
  const recalled = key === null ? null : optionsFromKey(key, options as Record<string, unknown>)
  const checked = checkStart(recalled ?? options, pageBase())
  const log = createLogger(checked.ok && checked.options.debug === true)
  if (!checked.ok) {
    log.error(checked.error)
    return createInertSonde('invalid options')
  }
  if (checked.warning) log.error(checked.warning)
  return launch(checked.options, checked.config, (kv) => {
    if (key !== null && recalled && !checked.warning) remember(kv, key, version)
  })
}
