import {
  type CesScore,
  type CsatScore,
  type Interval,
  type MetricKind,
  type NpsScore,
  scoreCes,
  scoreCsat,
  scoreNps,
} from '@sonde/core'

/** How many answers gave each score: `[score, count]` pairs. */
export type Histogram = ReadonlyArray<readonly [score: number, count: number]>

/** A survey's metric: which score, on which scale. */
export interface MetricSpec {
  kind: MetricKind
  /** 10 for NPS (0–10); the top of the CSAT or CES scale. */
  scale: number
}

/** Core's result for the metric, tagged with its kind. */
export type Score =
  | ({ kind: 'nps' } & NpsScore)
  | ({ kind: 'csat'; scale: number } & CsatScore)
  | ({ kind: 'ces'; scale: number } & CesScore)

/**
 * Scores a histogram with core's scoring (`scoreNps`, `scoreCsat`, `scoreCes`), so the collector
 * reports exactly what core computes from the same answers. The database only counts; the
 * histogram is expanded back into answers, which costs one number per answer and keeps the
 * statistics in one place.
 */
export function scoreHistogram(metric: MetricSpec, histogram: Histogram): Score {
  const answers = expand(histogram)
  switch (metric.kind) {
    case 'nps':
      return { kind: 'nps', ...scoreNps(answers) }
    case 'csat':
      return { kind: 'csat', scale: metric.scale, ...scoreCsat(answers, metric.scale) }
    case 'ces':
      return { kind: 'ces', scale: metric.scale, ...scoreCes(answers, metric.scale) }
  }
}

/**
 * The one number a chart or a table shows, with its 95% interval: NPS (−100…100),
 * CSAT % (0–100), or the CES mean (1…scale).
 */
export function headline(score: Score): { n: number; value: number | null; ci: Interval | null } {
  switch (score.kind) {
    case 'nps':
    case 'csat':
      return { n: score.n, value: score.score, ci: score.ci }
    case 'ces':
      return { n: score.n, value: score.mean, ci: score.meanCi }
  }
}

/** Every point of the metric's scale: 0–10 for NPS, 1…scale otherwise. */
export function scalePoints(metric: MetricSpec): number[] {
  const first = metric.kind === 'nps' ? 0 : 1
  const last = metric.kind === 'nps' ? 10 : metric.scale
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}

// Every expansion is written into one buffer, reused: scoring is synchronous, so two never
// overlap, and core reads the answers only while it counts them. Allocating a fresh array for a
// million answers takes several times as long as scoring them (the memory is new every time);
// filling memory that is already there costs next to nothing.
let buffer = new Float64Array(1024)

/** The answers a histogram counts, as a list of numbers (a view of the shared buffer). */
function expand(histogram: Histogram): readonly number[] {
  let total = 0
  for (const [, count] of histogram) total += count
  if (buffer.length < total) buffer = new Float64Array(Math.max(total, 2 * buffer.length))
  let at = 0
  for (const [score, count] of histogram) {
    buffer.fill(score, at, at + count)
    at += count
  }
  // Core's scoring reads its argument with for…of, which a typed array answers as an array does.
  return buffer.subarray(0, total) as unknown as readonly number[]
}
