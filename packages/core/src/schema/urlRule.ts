import * as z from 'zod/mini'

const nonEmpty = z.string().check(z.minLength(1, 'expected a non-empty string'))

// location.href percent-encodes a path's non-ASCII characters and gives hosts in punycode: a
// pattern written as the address bar shows it would never match, silently. (A regex may still
// mean something with them, in an alternative, so it is left alone.) A regex check rather than a
// refinement, so that the published JSON Schema refuses it in the author's editor too.
const pattern = nonEmpty.check(
  z.regex(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range is meant.
    /^[\u0000-\u007f]*$/,
    'expected non-ASCII characters percent-encoded, as browsers report URLs ("/caf%C3%A9" for "/café")',
  ),
)

// What `exact` and `prefix` compare is a path (or, with a scheme, origin + path + query), never
// a fragment: a "?" on a bare path could never match, and a "#/route" of a hash router would be
// dropped and match every route. (In a glob, "?" is a wildcard.)
const literal = pattern.check(
  z.regex(
    /^(?:[^?#]*|[^/?#]*:\/\/[^#]*)$/,
    'expected no "#" (never seen), and "?" only after a scheme',
  ),
)

const regexSource = nonEmpty.check(
  z.refine((source) => {
    try {
      new RegExp(source)
      return true
    } catch {
      return false
    }
  }, 'expected a valid regular expression'),
)

/**
 * A URL rule: exactly one of `exact`, `prefix`, `glob` (`*` within a segment, `**` across
 * segments) or `regex`. It matches the path, or the full URL when the pattern has a scheme.
 */
export const urlRuleSchema = z.union([
  z.strictObject({ exact: literal }),
  z.strictObject({ prefix: literal }),
  z.strictObject({ glob: pattern }),
  z.strictObject({ regex: regexSource }),
])

export type UrlRule = z.infer<typeof urlRuleSchema>
