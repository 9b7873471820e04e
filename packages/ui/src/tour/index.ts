// A second entry for bundlers: the SDK can build tours into their own lazy chunk, so a page
// showing only surveys never downloads floating-ui (the package root exports both).
export { mountTour } from './mountTour'
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
} from './types'
