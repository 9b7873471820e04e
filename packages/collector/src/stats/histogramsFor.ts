import type { Queryable } from '../db/database'
import { loadHistograms } from './loadHistograms'
import { loadRolledHistograms, rolledUpSegments, rollupsCover } from './loadRollups'
import type { Scope } from './scope'
import type { Histogram, MetricSpec } from './scoreHistogram'
import { type Segment, segmentSql } from './segmentExpression'

/** How a scope's answers are split: not at all, by trend period, or by segment. */
export type Grouping =
  | { by: 'all' }
  | { by: 'period'; interval: 'day' | 'week' }
  | { by: 'segment'; segment: Segment }

/**
 * A scope's histograms, from the daily rollups whenever they hold the answer (whole UTC days, a
 * segment they count) and from the responses otherwise (a range starting at 14:30, a context
 * path). Both give the same numbers; the rollups give them without reading every response.
 */
export function histogramsFor(
  db: Queryable,
  scope: Scope,
  metric: MetricSpec,
  grouping: Grouping,
): Promise<Map<string | null, Histogram>> {
  const rolled = rollupsCover(scope)
  switch (grouping.by) {
    case 'all':
      return rolled
        ? loadRolledHistograms(db, scope, metric, grouping)
        : loadHistograms(db, scope, metric)
    case 'period':
      return rolled
        ? loadRolledHistograms(db, scope, metric, grouping)
        : loadHistograms(
            db,
            scope,
            metric,
            (p) =>
              `to_char(date_trunc(${p.add(grouping.interval)}, r.answered_at at time zone 'UTC'),
                'YYYY-MM-DD')`,
          )
    case 'segment': {
      const { segment } = grouping
      return rolled && segment.column && rolledUpSegments.has(segment.name)
        ? loadRolledHistograms(db, scope, metric, { by: 'segment', name: segment.name })
        : loadHistograms(db, scope, metric, (p) => segmentSql(segment, p))
    }
  }
}
