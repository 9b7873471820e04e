import * as z from 'zod/mini'

const nonEmpty = z.string().check(z.minLength(1, 'expected a non-empty string'))

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
  z.strictObject({ exact: nonEmpty }),
  z.strictObject({ prefix: nonEmpty }),
  z.strictObject({ glob: nonEmpty }),
  z.strictObject({ regex: regexSource }),
])

export type UrlRule = z.infer<typeof urlRuleSchema>
