import { isAgreeing } from './isAgreeing'
import { isSatisfied } from './isSatisfied'
import { isScaleScore } from './isScaleScore'
import type { NpsBucket } from './npsBucket'
import { npsBucket } from './npsBucket'

export interface NpsMetric {
  kind: 'nps'
  score: number
  bucket: NpsBucket
}

export interface CsatMetric {
  kind: 'csat'
  score: number
  scale: number
  satisfied: boolean
}

export interface CesMetric {
  kind: 'ces'
  score: number
  scale: number
  agree: boolean
}

export type Metric = NpsMetric | CsatMetric | CesMetric
export type MetricKind = Metric['kind']

/**
 * The `metric` of a `survey.completed` event for one scored answer:
 * `{ kind: 'nps', score, bucket }`, `{ kind: 'csat', score, scale, satisfied }` (top two boxes)
 * or `{ kind: 'ces', score, scale, agree }` (5–7 on 1–7, 4–5 on 1–5).
 *
 * @param score the raw answer value, of any type: only a valid score yields a metric.
 * @param scale the top of a CSAT (default 5) or CES (default 7) scale; ignored for NPS, always
 *   0–10.
 * @returns `null` when no metric applies (unknown kind, invalid score or scale), never throws, so
 *   the SDK can call it on every answer it sends.
 */
export function metricFor<K extends MetricKind>(
  kind: K,
  score: unknown,
  scale?: number,
): Extract<Metric, { kind: K }> | null
export function metricFor(kind: MetricKind, score: unknown, scale?: number): Metric | null {
  switch (kind) {
    case 'nps': {
      if (typeof score !== 'number') return null
      const bucket = npsBucket(score)
      return bucket === null ? null : { kind, score, bucket }
    }
    case 'csat': {
      const top = scale ?? 5
      if (!isScaleScore(score, top)) return null
      return { kind, score, scale: top, satisfied: isSatisfied(score, top) }
    }
    case 'ces': {
      const top = scale ?? 7
      if (!isScaleScore(score, top)) return null
      return { kind, score, scale: top, agree: isAgreeing(score, top) }
    }
    default:
      return null
  }
}
