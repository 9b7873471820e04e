export { init, SDK_VERSION } from './init'
export type { ShowCheck, Sonde, SondeEvents } from './runtime/types'
