import type { ParseError } from '@sonde/core'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** The body of every error reply: a sentence, and the failing fields when there are any. */
export interface ErrorBody {
  error: string
  errors?: ParseError[]
}

/** Replies with an error status and `{ error, errors? }`. */
export function fail(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  errors?: ParseError[],
): Response {
  const body: ErrorBody = errors ? { error, errors } : { error }
  return c.json(body, status)
}

/** Replies 429 with `Retry-After: seconds`. */
export function tooMany(c: Context, seconds: number, error = 'too many requests'): Response {
  c.header('Retry-After', String(seconds))
  return fail(c, 429, error)
}
