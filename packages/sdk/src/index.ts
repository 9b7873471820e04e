export type {
  Answer,
  Config,
  FlushResult,
  InitOptions,
  OutgoingEvent,
  SkipReason,
  SondeEvent,
  Survey,
  Theme,
  Tour,
  UsageContext,
  WireMetric,
} from '@sonde/core'
export type { DismissReason, TourDismissReason } from '@sonde/ui'
export { init } from './init'
export type { ShowCheck, ShowReason, Sonde, SondeEvents } from './runtime/types'
export { SDK_VERSION } from './start'
