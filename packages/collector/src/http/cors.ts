import type { Context, MiddlewareHandler } from 'hono'
import { matchOrigin } from '../projects/matchOrigin'
import type { ProjectLookup } from '../projects/project'
import type { Env } from '../routes/deps'

/**
 * Adds CORS headers to every reply of an ingest route whose Origin is allowed: by the project the
 * request resolved to, or, when it failed before that (413, 400), by any live project. Error
 * replies carry them too, so the SDK can read a 429 or 413 instead of seeing a network error.
 */
export function corsHeaders(projects: ProjectLookup): MiddlewareHandler<Env> {
  return async (c, next) => {
    await next()
    // On every reply, with Origin or without: a shared cache (the CDN in front of /v1/config)
    // must not hand a copy made for a request without Origin, which has no CORS headers, to a
    // browser.
    c.res.headers.append('Vary', 'Origin')
    const origin = c.req.header('origin')
    if (!origin) return
    const project = c.get('project')
    const allowed = project
      ? matchOrigin(project.origins, origin)
      : await projects.allowsOrigin(origin)
    if (!allowed) return
    c.res.headers.set('Access-Control-Allow-Origin', origin)
    c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After, ETag')
  }
}

/**
 * Answers a CORS preflight. A batch preflight carries no key (it is in the body), so it is
 * allowed when any live project accepts the origin, and the POST itself is then checked against
 * its own project; a config preflight is checked against `?key=`.
 */
export async function answerPreflight(c: Context<Env>, projects: ProjectLookup): Promise<Response> {
  const origin = c.req.header('origin')
  if (!origin) return c.body(null, 204)
  const key = c.req.query('key')
  const project = key ? await projects.find(key) : null
  if (project) c.set('project', project)
  const allowed = project
    ? !project.revoked && matchOrigin(project.origins, origin)
    : await projects.allowsOrigin(origin)
  c.header('Vary', 'Origin')
  if (!allowed) return c.json({ error: `origin ${origin} is not allowed` }, 403)
  c.header('Access-Control-Allow-Origin', origin)
  c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
  c.header('Access-Control-Allow-Headers', 'Content-Type, If-None-Match')
  c.header('Access-Control-Max-Age', '86400')
  return c.body(null, 204)
}
