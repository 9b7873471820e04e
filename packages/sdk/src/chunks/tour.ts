// The tour chunk (dist/sonde-tour.js): the tour UI and its flow, loaded once a tour is due.

import type { Tour } from '@sonde/core'
import { mountTour } from '@sonde/ui/tour'
import type { Mount } from '../runtime/createPresenter'
import type { FlowContext } from '../runtime/flowContext'
import { mountTourFlow } from '../runtime/mountTourFlow'

export function tourFlow(tour: Tour, startAt: number, ctx: FlowContext): Mount {
  return mountTourFlow(tour, startAt, { mountTour }, ctx)
}
