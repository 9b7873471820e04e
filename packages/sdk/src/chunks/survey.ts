// The survey chunk (dist/sonde-ui.js): the survey UI and its flow, loaded once a survey is due,
// and the outbox (shared with dist/sonde-delivery.js), so that what it reports never waits for
// another file: a prompt that could show could not lose its answers to a failed download.

import type { Survey } from '@sonde/core'
import { mountSurvey } from '@sonde/ui/survey'
import type { Mount } from '../runtime/createPresenter'
import type { FlowContext } from '../runtime/flowContext'
import { mountSurveyFlow } from '../runtime/mountSurveyFlow'

export function surveyFlow(survey: Survey, ctx: FlowContext): Mount {
  return mountSurveyFlow(survey, { mountSurvey }, ctx)
}

export { collectContext } from '../context/collectContext'
export { startDelivery } from '../delivery/startDelivery'
