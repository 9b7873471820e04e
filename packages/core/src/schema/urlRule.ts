import * as z from 'zod/mini'
import { type RegexHazard, regexHazard } from './regexHazard'

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

// Each "**" but a last one is a ".*" a backtracking engine tries at every place: with three, a
// crafted link of 2,000 characters (all the matcher reads) takes it seconds, on every event.
const globSource = pattern.check(
  z.refine(
    (glob) => (glob.replace(/\*\*$/, '').match(/\*\*/g) ?? []).length < 3,
    'expected at most two "**" before the end: a crafted URL would freeze the page',
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
  hazard('nested', 'repetition inside a repeated group, as "(a+)+" or "(-?a?)*"'),
  hazard('overlap', 'alternatives starting alike in a repeated group, as "(a|ab)*"'),
  hazard('degree', 'third unbounded repetition, as ".*a.*b" (no "^" counts as one)'),
)

// A rule is matched on every event against a URL anyone can send: a pattern a backtracking engine
// takes exponential or cubic time on would freeze the host page for a crafted link. Refused here,
// where configs are checked (the validator chunk, the collector), naming the shape to rewrite.
function hazard(kind: RegexHazard, shape: string) {
  return z.refine<string>(
    (source) => regexHazard(source) !== kind,
    `expected no ${shape}: a crafted URL would freeze the page`,
  )
}

/**
 * A URL rule: exactly one of `exact`, `prefix`, `glob` (`*` within a segment, `**` across
 * segments) or `regex`. It matches the path, or the full URL when the pattern has a scheme.
 */
export const urlRuleSchema = z.union([
  z.strictObject({ exact: literal }),
  z.strictObject({ prefix: literal }),
  z.strictObject({ glob: globSource }),
  z.strictObject({ regex: regexSource }),
])

export type UrlRule = z.infer<typeof urlRuleSchema>
