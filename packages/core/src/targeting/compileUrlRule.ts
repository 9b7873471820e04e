import type { UrlRule } from '../schema/urlRule'
import { globToRegExp } from './globToRegExp'
import { splitUrl } from './splitUrl'

/** A compiled URL rule: does it hold for this URL (full or path)? */
export type UrlMatcher = (url: string) => boolean

// Rules are evaluated on every event, so compiled forms are kept; the bound only guards against a
// caller feeding ever-new patterns (a cleared cache merely recompiles).
const cache = new Map<string, UrlMatcher>()
const CACHE_LIMIT = 512
// A `:` then `//` before any other slash: `https://…`, `*://…`, or a regex's `^https?:\/\/`.
const scheme = /^[^/]*:(?:\\?\/){2}/
const never: UrlMatcher = () => false

/**
 * Compiles a URL rule once. A pattern with a scheme (`https://…`) is matched on the full URL
 * (origin + path + query, never the fragment); any other on the path alone. `exact` ignores one
 * trailing slash on both sides; `prefix` is a plain string prefix; `regex` is unanchored unless it
 * anchors itself. An invalid regex never matches instead of throwing.
 */
export function compileUrlRule(rule: UrlRule): UrlMatcher {
  const key = JSON.stringify(rule)
  let matcher = cache.get(key)
  if (matcher) return matcher
  matcher = build(rule)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(key, matcher)
  return matcher
}

function build(rule: UrlRule): UrlMatcher {
  if ('exact' in rule) {
    const expected = normalise(rule.exact)
    return onTarget(rule.exact, (target) => trimSlash(target) === expected)
  }
  if ('prefix' in rule) {
    const prefix = hasScheme(rule.prefix) ? normalise(rule.prefix) : rule.prefix
    return onTarget(rule.prefix, (target) => target.startsWith(prefix))
  }
  const pattern = 'glob' in rule ? rule.glob : rule.regex
  let re: RegExp
  try {
    re = 'glob' in rule ? globToRegExp(rule.glob) : new RegExp(rule.regex)
  } catch {
    return never
  }
  // A link anyone can send may be 100 KB long, and what a rule the validator takes costs a
  // backtracking engine grows with its square (".*x": 16 s in V8 on 100,000 characters, on every
  // event): past 2,000 characters, the longest URL every browser and server keeps, it holds for
  // nothing.
  return onTarget(pattern, (target) => target.length <= 2_000 && re.test(target))
}

// Chooses what the pattern is matched on: a full URL without its fragment, or the path alone.
function onTarget(pattern: string, test: (target: string) => boolean): UrlMatcher {
  if (!hasScheme(pattern)) return (url) => test(splitUrl(url).path)
  return (url) => {
    const full = withoutHash(url)
    return full !== '' && test(full)
  }
}

// Origin + path + query, or '' for a bare path.
function withoutHash(url: string): string {
  const { origin, path, query } = splitUrl(url)
  return origin && origin + path + query
}

function hasScheme(pattern: string): boolean {
  return scheme.test(pattern)
}

// A pattern with a scheme gets its origin lower-cased like the URL's, and loses its fragment.
function normalise(pattern: string): string {
  return trimSlash(hasScheme(pattern) ? withoutHash(pattern) : pattern)
}

function trimSlash(target: string): string {
  const queryAt = target.indexOf('?')
  const end = queryAt < 0 ? target.length : queryAt
  return end > 1 && target[end - 1] === '/' && target[end - 2] !== '/'
    ? target.slice(0, end - 1) + target.slice(end)
    : target
}
