// Authors write JSON by hand: a misspelt field is told with the one they most likely meant.
import { formatPath } from './formatPath'
import type { ParseError } from './parse'

// Whether `a` becomes `b` with at most `slips` letters inserted, left out or changed, or two
// neighbours swapped ("tpye"): the slips of a hand typing.
const near = (a: string, b: string, slips: number): boolean =>
  a === b ||
  (a[0] === b[0]
    ? near(a.slice(1), b.slice(1), slips)
    : slips > 0 &&
      (near(a.slice(1), b, slips - 1) ||
        near(a, b.slice(1), slips - 1) ||
        near(a.slice(1), b.slice(1), slips - 1) ||
        (a[1] === b[0] && near(a[0] + a.slice(2), b.slice(1), slips - 1))))

/**
 * The field `key` most likely meant: the first of the nearest within two slips, case aside;
 * none for a key so short that two slips make nearly anything of it.
 */
export function closestField(key: string, fields: readonly string[]): string | undefined {
  const slip = key.toLowerCase()
  let meant: string | undefined
  for (let slips = 0; !meant && slips < 3 && slips * 2 < key.length; slips++)
    meant = fields.find((field) => near(slip, field.toLowerCase(), slips))
  return meant
}

/**
 * Each unknown field of an object of `fields` at its own path, with the one it likely meant, or
 * else the field of the object it belongs in (`homes`, by the keys' order).
 */
export const unknownFields = (
  keys: string[],
  fields: readonly string[],
  path: readonly PropertyKey[],
  homes: readonly (string | undefined)[] = [],
): ParseError[] =>
  keys.map((key, i) => {
    const meant = closestField(key, fields)
    return {
      path: formatPath([...path, key]),
      message: `unknown field${
        meant ? ` (did you mean "${meant}"?)` : homes[i] ? ` here (it goes in "${homes[i]}")` : ''
      }`,
    }
  })
