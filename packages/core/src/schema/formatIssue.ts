import type * as z from 'zod/mini'

type Issue = z.core.$ZodIssue

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'bigint') return `${value}`
  return String(value)
}

function typeOf(input: unknown): string {
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'array'
  if (typeof input === 'number' && Number.isNaN(input)) return 'NaN'
  return typeof input
}

function got(issue: Issue): string {
  if (isMissing(issue)) return ', but it is missing'
  const input = (issue as { input?: unknown }).input
  return `, got ${input !== null && typeof input === 'object' ? typeOf(input) : show(input)}`
}

// Authors write JSON: a zod "record" is an object to them.
export function noun(expected: string): string {
  return expected === 'record' ? 'object' : expected
}

/** True when the issue is about a field that is absent (needs `reportInput`). */
export function isMissing(issue: Issue): boolean {
  return !('input' in issue) || issue.input === undefined
}

function limit(issue: { origin: string; inclusive?: boolean }, n: unknown, more: boolean): string {
  const one = n === 1 || n === 1n
  const unit =
    issue.origin === 'string'
      ? ` character${one ? '' : 's'}`
      : issue.origin === 'array'
        ? ` item${one ? '' : 's'}`
        : ''
  const op = more
    ? issue.inclusive
      ? 'at least'
      : 'more than'
    : issue.inclusive
      ? 'at most'
      : 'less than'
  return `expected ${op} ${show(n)}${unit}`
}

// zod/mini ships without a message locale (to stay small), so the messages product teams read
// are written here, one per issue code Sonde's schemas make (none takes a multiple, a Map or a
// Set), always starting with what was expected; any other is told by its message, or as invalid.
/** A short message for one zod issue, always starting with what was expected. */
export function formatIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      // A field that must not be there says why in its own words (z.never with a message).
      if (issue.expected === 'never') return issue.message
      // With `reportInput`, zod leaves `input` out exactly when the field is absent.
      return isMissing(issue)
        ? `expected ${noun(issue.expected)}, but it is missing`
        : `expected ${noun(issue.expected)}, got ${typeOf(issue.input)}`
    case 'invalid_value':
      // What was written beside what is expected: a scale of "5" (a string) reads as one of them.
      return `${
        issue.values.length === 1
          ? `expected ${show(issue.values[0])}`
          : `expected one of ${issue.values.map(show).join(', ')}`
      }${got(issue)}`
    case 'too_small':
      return limit(issue, issue.minimum, true)
    case 'too_big':
      return limit(issue, issue.maximum, false)
    case 'invalid_union': {
      if (!('options' in issue && Array.isArray(issue.options)))
        return 'matches none of the allowed forms'
      // A discriminated union (a question's `type`) reports the object; the value is its field.
      const { input, discriminator } = issue as { input?: unknown; discriminator?: string }
      const value = discriminator ? Object(input)[discriminator] : undefined
      return `expected one of ${issue.options.map(show).join(', ')}${got({ input: value } as Issue)}`
    }
    case 'invalid_format':
      return issue.message && issue.message !== 'Invalid input'
        ? issue.message
        : `expected a valid ${issue.format}`
    case 'invalid_key':
      return 'has an invalid key'
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is invalid'
  }
}
