import type { Context, Hono } from 'hono'
import { answerPreflight, corsHeaders } from '../http/cors'
import { fail } from '../http/fail'
import { limitRequests } from '../http/limitRequests'
import { matchOrigin } from '../projects/matchOrigin'
import type { Deps, Env } from './deps'

/**
 * GET /v1/config?key=…: the project's surveys and tours, as the SDK's remote `config`. Served
 * with a strong ETag and a short max-age, so a page view usually costs a 304 or nothing at all.
 */
export function registerConfig(app: Hono<Env>, deps: Deps): void {
  app.use('/v1/config', corsHeaders(deps.projects), limitRequests(deps))
  app.options('/v1/config', (c) => answerPreflight(c, deps.projects))
  app.get('/v1/config', (c) => serveConfig(c, deps))
}

async function serveConfig(c: Context<Env>, deps: Deps): Promise<Response> {
  const key = c.req.query('key')
  if (!key) return fail(c, 401, 'missing key', [{ path: 'key', message: 'required' }])
  const project = await deps.projects.find(key)
  if (!project) return fail(c, 401, 'unknown key')
  c.set('project', project)
  if (project.revoked) return fail(c, 403, 'this key has been revoked')
  const origin = c.req.header('origin')
  if (origin && !matchOrigin(project.origins, origin)) return deps.refuseOrigin(c, key, origin)
  const entry = await deps.configs.load(key)
  if (!entry) return fail(c, 404, 'no config for this key')
  c.header('ETag', entry.etag)
  c.header('Cache-Control', `public, max-age=${deps.limits.configMaxAgeSeconds}`)
  if (matchesEtag(c.req.header('if-none-match'), entry.etag)) return c.body(null, 304)
  c.header('Content-Type', 'application/json; charset=utf-8')
  return c.body(entry.body, 200)
}

// If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" matches "x", and * matches anything.
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}
