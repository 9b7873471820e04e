// A path segment that is an email address, written plainly or percent-encoded (ann%40example.com):
// a local part, an @ and a domain ending in a name (not `preact@10.5.0`, nor a handle `@ann`).
const EMAIL = /^[^@]+@[^@]+\.[a-z]{2,}$/i

/**
 * The URL as Sonde may send it: origin and path, plus only the query parameters the host
 * allow-listed. The fragment always goes (it carries OAuth tokens in implicit flows), and a path
 * segment that is an email address (/users/ann@example.com, an unsubscribe link's) reads
 * `:email`.
 */
export function redactUrl(href: string, keep: readonly string[] = []): string {
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return ''
  }
  // A data: URL holds the document itself, not an address.
  if (url.protocol === 'data:') return 'data:'
  const kept = new URLSearchParams()
  for (const [name, value] of url.searchParams) if (keep.includes(name)) kept.append(name, value)
  // Edited in place rather than rebuilt from `origin`, which is "null" for an app's own scheme
  // (capacitor://, app://) and the inner URL's for blob:. Credentials in a URL
  // (https://user:pass@host) must never leave the page either.
  url.username = ''
  url.password = ''
  url.hash = ''
  url.search = kept.toString()
  // Segment by segment, each read once in time linear in its length: a pattern over the whole
  // path (a segment found anywhere in it) backtracks for seconds on a crafted link's "a%40…".
  url.pathname = url.pathname
    .split('/')
    .map((segment) => (EMAIL.test(segment.replace(/%40/gi, '@')) ? ':email' : segment))
    .join('/')
  return url.href
}
