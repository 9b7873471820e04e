// A segment that names one record rather than a page: digits only (/orders/1042), a UUID, a
// token of 8 or more letters and digits with at least one digit (/r/a1b2c3d4, /item-2045), or
// a person by their address or handle (/users/ada@example.com, /@ada), which must not become a
// segment value either.
const ID =
  /^(?:\d+|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|(?=[\w-]*\d)[\w-]{8,}|.*(?:@|%40).*)$/i

/**
 * The page a path shows, with the records it names replaced by `:id`: `/reports/1042/edit` and
 * `/reports/977/edit` are one page to segment scores by. Keyed by the raw path, the rollups
 * would hold a row per record an app has, not a few per page.
 */
export function pathPattern(path: string): string {
  return path
    .split('/')
    .map((part) => (ID.test(part) ? ':id' : part))
    .join('/')
}
