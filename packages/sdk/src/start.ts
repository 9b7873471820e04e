import {
  type Config,
  describeError,
  type InitOptions,
  initOptionsSchema,
  parse,
  parseConfig,
} from '@sonde/core'
import { createInertSonde } from './runtime/createInertSonde'
import { createLogger } from './runtime/createLogger'
import { createSonde } from './runtime/createSonde'
import type { Sonde } from './runtime/types'
import type { UiLoaders } from './runtime/uiModules'

/** The version sent in every batch's `sdk` field. */
export const SDK_VERSION = '0.1.0'

/**
 * `init` with the way to load the UI chunk given: the npm entry imports `@sonde/ui`, the
 * script-tag bundle loads it by URL beside itself.
 */
export function startSonde(options: InitOptions, ui: UiLoaders): Sonde {
  try {
    if (typeof window === 'undefined') return createInertSonde('no window')
    const parsed = parse(initOptionsSchema, options)
    const log = createLogger(parsed.ok ? parsed.value.debug === true : false)
    if (!parsed.ok) {
      log.error(`invalid init options: ${parsed.errors.map(describeError).join('; ')}`)
      return createInertSonde('invalid options')
    }
    const value = parsed.value
    let config: Config | { url: string }
    if (typeof value.config === 'string') {
      config = { url: new URL(value.config, document.baseURI).href }
    } else {
      const { value: inline, errors } = parseConfig(value.config ?? {})
      if (errors.length > 0) {
        const skipped = errors.map((e) => `config.${describeError(e)}`).join('; ')
        log.error(`invalid config, the rest still runs: ${skipped}`)
      }
      config = inline
    }
    return createSonde(value, config, { win: window, log, ui, sdkVersion: SDK_VERSION })
  } catch (error) {
    console.error('[sonde] could not start', error)
    return createInertSonde('error')
  }
}
