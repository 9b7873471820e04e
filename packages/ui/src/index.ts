export { type MountOptions, mountSurvey, type SurveyHandle } from './mountSurvey'
export type {
  AnswerEvent,
  CompleteEvent,
  DismissEvent,
  DismissReason,
  Progress,
} from './session/types'
export { loadStrings, stringsLanguage } from './strings/loadStrings'
export type { Plural, Strings } from './strings/types'
export { isRtl } from './theme/isRtl'
export { mountTour } from './tour/mountTour'
export type {
  ResolveTarget,
  TourCallbacks,
  TourCompleteEvent,
  TourDismissEvent,
  TourDismissReason,
  TourHandle,
  TourOptions,
  TourShowEvent,
  TourStepEvent,
} from './tour/types'
