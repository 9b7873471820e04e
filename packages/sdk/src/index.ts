export { init } from './init'
export type { ShowCheck, Sonde, SondeEvents } from './runtime/types'
export { SDK_VERSION } from './start'
