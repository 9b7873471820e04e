import type { Context, Hono } from 'hono'
import { clientIp } from '../http/clientIp'
import { clientNetwork } from '../http/clientNetwork'
import { fail, tooMany } from '../http/fail'
import type { RateDecision } from '../http/rateLimiter'
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
  const lookups: Lookups = new Map()
  app.get('/v1/stats', async (c) => {
    const project = await authorize(c, deps, lookups)
    if (project instanceof Response) return project
    const config = await deps.configs.load(project.key).catch(() => null)
    await deps.rollups.beforeRead()
    noStore(c)
    return c.json({ surveys: await listSurveys(deps.db, project.key, config?.config) })
  })
  app.get('/v1/stats/:surveyId', async (c) => {
    const project = await authorize(c, deps, lookups)
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
// Each pair tried takes one of the client network's guesses, before the key is looked up (taken
// after, the guesses sent at once all passed), and the right one gives it back: a network out of
// guesses is refused before its keys are looked at, so a right guess then looks like any other.
// Reads are bounded per project, since each is a query over its responses and a leaked read key
// may be anywhere. A network out of guesses while some of its lookups are still under way waits
// for them (a team behind one address opening the dashboard at once sends more reads than it has
// guesses, each right and given back), and is refused only if they leave it none.
type Lookups = Map<string, Set<Promise<unknown>>>

async function authorize(
  c: Context<Env>,
  deps: Deps,
  lookups: Lookups,
): Promise<StoredProject | Response> {
  const key = c.req.query('key')
  if (!key) return deny(c, 'missing key')
  const token = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim()
  if (!token) return deny(c, 'missing read key: send Authorization: Bearer <readKey>')
  const network = clientNetwork(clientIp(c, deps.trustedHops))
  let guess = deps.guesses.take(network)
  for (let under = lookups.get(network); !guess.ok && under; under = lookups.get(network)) {
    await Promise.allSettled([...under])
    guess = deps.guesses.take(network)
  }
  if (!guess.ok) return refuse(c, guess, 'too many wrong keys from this network')
  const under = lookups.get(network) ?? new Set()
  let settle = () => {}
  const settled = new Promise((resolve) => {
    settle = () => resolve(null)
  })
  lookups.set(network, under.add(settled))
  let project: StoredProject | null
  try {
    // A lookup that fails (the database restarting) is no guess.
    project = await deps.projects.find(key).catch((error: unknown) => {
      deps.guesses.spend(network, -1)
      throw error
    })
    if (!project || !matchesSecret(token, project.readKeySha256)) {
      return deny(c, 'wrong key or read key')
    }
    deps.guesses.spend(network, -1)
  } finally {
    under.delete(settled)
    if (under.size === 0 && lookups.get(network) === under) lookups.delete(network)
    settle()
  }
  const reads = deps.reads.take(project.key)
  if (!reads.ok) return refuse(c, reads, "too many reads of this project's stats")
  return project
}

function refuse(c: Context, decision: RateDecision, error: string): Response {
  const seconds = decision.ok ? 1 : decision.retryAfterSeconds
  return tooMany(c, seconds, `${error}: retry in ${seconds} s`)
}

function deny(c: Context, error: string): Response {
  c.header('WWW-Authenticate', 'Bearer realm="sonde"')
  return fail(c, 401, error)
}

function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store')
}
