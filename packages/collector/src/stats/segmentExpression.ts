import type { Params } from './params'

/** What responses are grouped by: a named column, or any path into the usage context. */
export interface Segment {
  name: string
  /** Columns come from a fixed list; a context path is only ever a parameter. */
  column?: string
  path?: string[]
}

// A Map, not an object: `constructor` or `toString` would be found on an object's prototype.
const columns = new Map([
  ['device', 'device'],
  ['locale', 'locale'],
  ['path', 'path'],
  ['appVersion', 'app_version'],
  ['plan', 'plan'],
  ['known', 'known'],
  ['status', 'status'],
  ['surveyVersion', 'survey_version'],
])

const contextPath = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){0,7}$/

/**
 * The segment a `segment=` value names: `device`, `locale`, `path`, `appVersion`, `plan`, `known`,
 * `status`, `surveyVersion`, or a dotted path into the stored context such as
 * `user.traits.company` or `session.pageViews`. `null` when it is none of these.
 */
export function segmentFor(name: string): Segment | null {
  const column = columns.get(name)
  if (column) return { name, column }
  if (contextPath.test(name)) return { name, path: name.split('.') }
  return null
}

/** The SQL text of a segment's value for a row of `responses r`. */
export function segmentSql(segment: Segment, params: Params): string {
  if (segment.column) return `r.${segment.column}::text`
  return `r.context #>> string_to_array(${params.add((segment.path ?? []).join('.'))}, '.')`
}
