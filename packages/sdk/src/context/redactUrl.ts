/**
 * The URL as Sonde may send it: origin and path, plus only the query parameters the host
 * allow-listed. The fragment always goes (it carries OAuth tokens in implicit flows).
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
  return url.href
}
