import type { Params } from './params'
import type { MetricSpec } from './scoreHistogram'

/** Which responses a statistic covers. */
export interface Scope {
  project: string
  surveyId: string
  /** Inclusive start of the answer time, ISO. */
  from?: string
  /** Exclusive end of the answer time, ISO. */
  to?: string
}

/** The WHERE condition selecting a scope's responses (`responses r`), by time of answering. */
export function scopeSql(scope: Scope, params: Params): string {
  const parts = [
    `r.project = ${params.add(scope.project)}`,
    `r.survey_id = ${params.add(scope.surveyId)}`,
  ]
  if (scope.from) parts.push(`r.answered_at >= ${params.add(scope.from)}::timestamptz`)
  if (scope.to) parts.push(`r.answered_at < ${params.add(scope.to)}::timestamptz`)
  return parts.join(' and ')
}

/** The condition selecting responses scored with the metric, on its scale. */
export function scoredSql(metric: MetricSpec, params: Params): string {
  return `r.score is not null and r.metric_kind = ${params.add(metric.kind)}
    and r.scale = ${params.add(metric.scale)}`
}
