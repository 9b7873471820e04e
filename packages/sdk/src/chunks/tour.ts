// The tour chunk (dist/sonde-tour.js): the tour UI and its flow, loaded once a tour is due,
// and the outbox (shared with dist/sonde-delivery.js), so that what it reports never waits for
// another file: a prompt that could show could not lose its answers to a failed download.

import type { Tour } from '@sonde/core'
import { mountTour } from '@sonde/ui/tour'
import type { Mount } from '../runtime/createPresenter'
import type { FlowContext } from '../runtime/flowContext'
import { mountTourFlow } from '../runtime/mountTourFlow'

export function tourFlow(tour: Tour, startAt: number, ctx: FlowContext): Mount {
  return mountTourFlow(tour, startAt, { mountTour }, ctx)
}

export { collectContext } from '../context/collectContext'
export { startDelivery } from '../delivery/startDelivery'
