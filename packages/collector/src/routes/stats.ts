import type { Context, Hono } from 'hono'
import { fail } from '../http/fail'
import { cleanString } from '../ingest/sanitizeJson'
import type { StoredProject } from '../projects/project'
import { matchesSecret } from '../projects/secrets'
import { computeStats } from '../stats/computeStats'
import { listSurveys } from '../stats/listSurveys'
import { readStatsQuery } from '../stats/statsQuery'
import type { Deps, Env } from './deps'

/**
 * The stats API, read with the project's secret read key (`Authorization: Bearer <readKey>`):
 * GET /v1/stats?key=… lists the surveys, GET /v1/stats/:surveyId?key=… returns one survey's
 * score, distribution, trend, segments and verbatims.
 */
export function registerStats(app: Hono<Env>, deps: Deps): void {
  app.get('/v1/stats', async (c) => {
    const project = await authorize(c, deps)
    if (project instanceof Response) return project
    const config = await deps.configs.load(project.key).catch(() => null)
    await deps.rollups.beforeRead()
    noStore(c)
    return c.json({ surveys: await listSurveys(deps.db, project.key, config?.config) })
  })
  app.get('/v1/stats/:surveyId', async (c) => {
    const project = await authorize(c, deps)
    if (project instanceof Response) return project
    // Cleaned as stored text is: an id or a bucket with a NUL then matches nothing, where
    // PostgreSQL would refuse the query.
    const raw = Object.entries(c.req.query()).map(([name, value]) => [name, cleanString(value)])
    const query = readStatsQuery(Object.fromEntries(raw))
    if (!query.ok) return fail(c, 400, 'invalid stats query', query.errors)
    const surveyId = cleanString(c.req.param('surveyId'))
    const config = await deps.configs.load(project.key).catch(() => null)
    const survey = config?.config.surveys?.find((item) => item.id === surveyId)
    const scope = {
      project: project.key,
      surveyId,
      ...(query.value.from ? { from: query.value.from } : {}),
      ...(query.value.to ? { to: query.value.to } : {}),
    }
    await deps.rollups.beforeRead()
    const stats = await computeStats(deps.db, scope, query.value, survey)
    noStore(c)
    if (!stats) return fail(c, 404, `no survey ${surveyId} in this project`)
    return c.json(stats)
  })
}

// The same 401 for an unknown key and a wrong read key: a caller learns nothing from the
// difference. A revoked project stays readable: revoking stops writes, not the results.
async function authorize(c: Context<Env>, deps: Deps): Promise<StoredProject | Response> {
  const key = c.req.query('key')
  if (!key) return deny(c, 'missing key')
  const token = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim()
  if (!token) return deny(c, 'missing read key: send Authorization: Bearer <readKey>')
  const project = await deps.projects.find(key)
  if (!project || !matchesSecret(token, project.readKeySha256)) {
    return deny(c, 'wrong key or read key')
  }
  return project
}

function deny(c: Context, error: string): Response {
  c.header('WWW-Authenticate', 'Bearer realm="sonde"')
  return fail(c, 401, error)
}

function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store')
}
