import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/**
 * The client's IP address, for rate limiting. Behind a load balancer every request comes from
 * the balancer, so with `trustProxy` the first `X-Forwarded-For` hop is used instead; without it
 * that header is ignored, since any client can set it.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // No socket: the app runs under app.request() in tests, or on another runtime.
    return 'unknown'
  }
}
