// The tour chunk (dist/sonde-tour.js): the tour UI and its flow, loaded once a tour is due, and
// the outbox's queue (shared with dist/sonde-delivery.js), so that what it reports is stored at
// once: a prompt that could show could not lose its answers to a failed download. The code that
// sends is loaded from it once the respondent acts (delivery/startQueuedDelivery.ts).

import type { TargetingState, Tour } from '@sonde/core'
import { mountTour } from '@sonde/ui/tour'
import { collectContext } from '../context/collectContext'
import { startQueuedDelivery } from '../delivery/startQueuedDelivery'
import type { Mount } from '../runtime/createPresenter'
import type { FlowContext } from '../runtime/flowContext'
import { mountTourFlow } from '../runtime/mountTourFlow'

export function tourFlow(
  tour: Tour,
  resumeAt: number | undefined,
  ctx: FlowContext,
  before: TargetingState,
): Mount {
  ctx.sending.delivery()?.provide({ collectContext, startDelivery: startQueuedDelivery })
  return mountTourFlow(tour, resumeAt, { mountTour }, ctx, before)
}
