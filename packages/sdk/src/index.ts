export type {
  Answer,
  Config,
  FlushResult,
  InitOptions,
  SondeEvent,
  Survey,
  Theme,
  Tour,
  WireMetric,
} from '@sonde/core'
export { init } from './init'
export type { ShowCheck, Sonde, SondeEvents } from './runtime/types'
export { SDK_VERSION } from './start'
