import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { ipOf } from './clientNetwork'

/**
 * The client's IP address, for rate limiting. Behind a load balancer every request comes from
 * the balancer, so with `trustedHops` (how many proxies in front of the collector append to
 * `X-Forwarded-For`) the address the outermost trusted proxy saw is used instead. It is counted
 * from the right: each proxy appends to what it received, so anything left of the trusted hops
 * was written by the client, and taking the first hop let any client pick a fresh rate-limit
 * bucket per request. Without trusted hops the header is ignored.
 */
export function clientIp(c: Context, trustedHops: number): string {
  if (trustedHops > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean)
    const forwarded = hops[Math.max(0, hops.length - trustedHops)]
    // A proxy writes an IP address; anything else the client wrote, where fewer proxies than
    // trusted were passed (the port reached directly too): a fresh rate-limit bucket per text.
    if (forwarded && ipOf(forwarded) !== null) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // No socket: the app runs under app.request() in tests, or on another runtime.
    return 'unknown'
  }
}
