/** The cleaned value, or why it cannot be stored. */
export type Sanitized<T> = { ok: true; value: T } | { ok: false; reason: string }

/** Deepest nesting stored: far beyond any real context, well within PostgreSQL's stack. */
export const MAX_DEPTH = 32

/**
 * Makes a parsed JSON value storable in PostgreSQL: `jsonb` and `text` refuse the NUL character
 * and unpaired UTF-16 surrogates, which JSON allows. Those become U+FFFD rather than failing the
 * event, since an answer with one odd character is still an answer. Nesting deeper than
 * {@link MAX_DEPTH} is refused: it only comes from abuse, and would exhaust the server's stack.
 */
export function sanitizeJson<T>(value: T): Sanitized<T> {
  try {
    return { ok: true, value: clean(value, 0) as T }
  } catch (error) {
    if (error instanceof TooDeep) return { ok: false, reason: error.message }
    throw error
  }
}

class TooDeep extends Error {}

function clean(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return cleanString(value)
  if (typeof value !== 'object' || value === null) return value
  if (depth >= MAX_DEPTH) throw new TooDeep(`nested deeper than ${MAX_DEPTH} levels`)
  if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1))
  // fromEntries defines own properties: assigning would take a "__proto__" key for the prototype.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [cleanString(key), clean(item, depth + 1)]),
  )
}

// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point.
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** `text` with what PostgreSQL cannot store (NUL, unpaired surrogates) replaced by U+FFFD. */
export function cleanString(text: string): string {
  return text.replace(unstorable, '\uFFFD')
}
