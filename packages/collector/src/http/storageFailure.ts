import type { Context } from 'hono'
import { fail } from './fail'

/**
 * Replies to a database error. Data exceptions and exceeded limits (SQLSTATE classes 22 and 54)
 * can only come from what the client sent, so they are a 400 like any other bad input; anything
 * else (connection lost, server restarting, a failover) is a 503 with Retry-After, which the SDK
 * retries later. Never a 500: a collector that is down is not the client's bug either.
 */
export function storageFailure(c: Context, error: unknown, log: (message: string) => void) {
  const code = sqlState(error)
  if (code.startsWith('22') || code.startsWith('54')) {
    return fail(c, 400, `could not store this batch: ${messageOf(error)}`)
  }
  log(`[sonde-collector] storage error ${code || ''}: ${messageOf(error)}`)
  c.header('Retry-After', '5')
  return fail(c, 503, 'storage unavailable, retry later')
}

function sqlState(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
