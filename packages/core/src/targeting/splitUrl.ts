/** A URL cut into the parts URL rules look at. `origin` is `''` for a bare path. */
export interface UrlParts {
  /** `scheme://host[:port]`, lower-cased, as the scheme and host are case-insensitive. */
  origin: string
  /** Always starts with `/` when there is an origin; `'/'` when the URL has no path. */
  path: string
  /** `?…` or `''`. */
  query: string
  /** `#…` or `''`. */
  hash: string
}

const withOrigin = /^([A-Za-z][A-Za-z0-9+.-]*:)?\/\/([^/?#]*)(.*)$/s

/**
 * Cuts a full URL (`https://x.com/a?b#c`), a protocol-relative one (`//x.com/a`) or a path
 * (`/a?b#c`) into parts. A tiny splitter rather than `URL`: core's ES2022 lib has no `URL`, and
 * rules only need the four parts, not normalisation.
 */
export function splitUrl(url: string): UrlParts {
  const full = withOrigin.exec(url)
  const origin = full ? `${full[1] ?? ''}//${full[2] ?? ''}`.toLowerCase() : ''
  const rest = full ? (full[3] ?? '') : url
  const hashAt = rest.indexOf('#')
  const beforeHash = hashAt < 0 ? rest : rest.slice(0, hashAt)
  const queryAt = beforeHash.indexOf('?')
  const path = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt)
  return {
    origin,
    path: origin && !path ? '/' : path,
    query: queryAt < 0 ? '' : beforeHash.slice(queryAt),
    hash: hashAt < 0 ? '' : rest.slice(hashAt),
  }
}
