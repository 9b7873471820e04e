// The survey chunk (dist/sonde-ui.js): the survey UI and its flow, loaded once a survey is due, and
// the outbox's queue (shared with dist/sonde-delivery.js), so that what it reports is stored at
// once: a prompt that could show could not lose its answers to a failed download. The code that
// sends is loaded from it once the respondent acts (delivery/startQueuedDelivery.ts).

import type { Survey } from '@sonde/core'
import { mountSurvey } from '@sonde/ui/survey'
import { collectContext } from '../context/collectContext'
import { startQueuedDelivery } from '../delivery/startQueuedDelivery'
import type { Mount } from '../runtime/createPresenter'
import type { FlowContext } from '../runtime/flowContext'
import { mountSurveyFlow } from '../runtime/mountSurveyFlow'

export function surveyFlow(survey: Survey, ctx: FlowContext): Mount {
  ctx.sending.delivery()?.provide({ collectContext, startDelivery: startQueuedDelivery })
  return mountSurveyFlow(survey, { mountSurvey }, ctx)
}
