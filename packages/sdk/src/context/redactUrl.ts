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
  const kept = new URLSearchParams()
  for (const [name, value] of url.searchParams) if (keep.includes(name)) kept.append(name, value)
  const query = kept.toString()
  // Credentials in a URL (https://user:pass@host) must never leave the page either.
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`
}
