// `@sonde/sdk/global`: the type of `window.sonde` for apps that load Sonde by its script tag and
// write TypeScript (`import type {} from '@sonde/sdk/global'` once, anywhere in the app).
import type { InitOptions, Sonde } from './index.js'

/**
 * `window.sonde` of the script tag: until sonde.js loads, the stub, which queues each call (and
 * whose `canShow` answers `{ ok: false, reason: 'loading' }`); then Sonde's API, whose `init`
 * starts it with the options given (once: destroy() first to start again).
 */
export type SondeGlobal = Sonde & { init(options: InitOptions): SondeGlobal }

declare global {
  interface Window {
    /** Sonde's script tag (see `SondeGlobal` of `@sonde/sdk/global`). */
    sonde?: SondeGlobal
  }
}
