// The survey chunk (dist/sonde-ui.js): the survey UI and its flow, loaded once a survey is due.

import type { Survey } from '@sonde/core'
import { mountSurvey } from '@sonde/ui/survey'
import type { Mount } from '../runtime/createPresenter'
import type { FlowContext } from '../runtime/flowContext'
import { mountSurveyFlow } from '../runtime/mountSurveyFlow'

export function surveyFlow(survey: Survey, ctx: FlowContext): Mount {
  return mountSurveyFlow(survey, { mountSurvey }, ctx)
}
