import type { UrlRule } from '../schema/urlRule'
import { compileUrlRule } from './compileUrlRule'

/**
 * Whether `url` (a full URL or a path) satisfies `rule`: `exact`, `prefix`, `glob` or `regex`,
 * matched on the path, or on the full URL when the pattern has a scheme. Compiled forms are
 * cached, so calling it on every event is cheap.
 */
export function matchUrl(rule: UrlRule, url: string): boolean {
  return compileUrlRule(rule)(url)
}
