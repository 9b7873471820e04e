import type { MiddlewareHandler } from 'hono'
import type { Deps, Env } from '../routes/deps'
import { clientIp } from './clientIp'
import { clientNetwork } from './clientNetwork'
import { tooMany } from './fail'

/**
 * Takes one of the client network's requests (`limits.networkRequestsPerSecond`, after
 * `limits.networkRequestBurst` at once), or answers 429 with `Retry-After`: for the routes no
 * other limit bounds per network, the config and CORS preflights (a project lookup each),
 * /healthz (a query), the dashboard's files and what is not found. Generous: each browser asks
 * for the config once in five minutes (the SDK's cache), its preflight once in hours at most, so
 * a site's visitors behind one address (an office, a carrier's NAT) stay far below it.
 */
export function limitRequests(
  deps: Pick<Deps, 'requests' | 'trustedHops'>,
): MiddlewareHandler<Env> {
  return async (c, next) => {
    const decision = deps.requests.take(clientNetwork(clientIp(c, deps.trustedHops)))
    if (!decision.ok) return tooMany(c, decision.retryAfterSeconds)
    await next()
  }
}
