import { Hono } from 'hono'
import { type ConfigStore, noConfigs } from './config/configStore'
import type { Database } from './db/database'
import { createRollupFolder } from './db/foldRollups'
import { fail } from './http/fail'
import { limitRequests } from './http/limitRequests'
import { createRateLimiter } from './http/rateLimiter'
import { createOriginRefusal } from './http/refuseOrigin'
import { storageFailure } from './http/storageFailure'
import { createUploadSlots } from './http/uploadSlots'
import { createCountedRefusals } from './ingest/admitResponses'
import { createDailyAllowance } from './ingest/createDailyAllowance'
import { createQuestionAllowance } from './ingest/createQuestionAllowance'
import { createSurveyAllowance } from './ingest/createSurveyAllowance'
import type { ProjectLookup } from './projects/project'
import { registerBatch } from './routes/batch'
import { registerConfig } from './routes/config'
import { registerDashboard } from './routes/dashboard'
import { defaultLimits, type Env, type Limits } from './routes/deps'
import { registerStats } from './routes/stats'

/** Options for {@link createApp}. */
export interface AppOptions {
  /** Opened and migrated (see `openDatabase`). */
  db: Database
  /** Who may write and read; usually `projectsFromDatabase(db)`. */
  projects: ProjectLookup
  /** Where project configs come from; none by default. */
  configs?: ConfigStore
  limits?: Partial<Limits>
  /**
   * Behind a load balancer: take the client IP from X-Forwarded-For. `true` is one proxy; a
   * number is how many proxies append to the header (a CDN and a balancer: 2).
   */
  trustProxy?: boolean | number
  /** Where server-side problems are reported; stderr by default. */
  log?: (message: string) => void
  /** Clock of the rate limiters and of the day's dropped counts (tests). */
  now?: () => number
}

/**
 * The collector as a Hono app: POST /v1/batch, GET /v1/config, the stats API under /v1/stats and
 * the dashboard at /dashboard. It keeps no state but its limits' counts (rate limiters' buckets,
 * bodies in reading, dropped counts taken today) and which surveys (and questions) it found
 * stored, so any number of replicas can serve the same database.
 */
export function createApp(options: AppOptions): Hono<Env> {
  const limits = { ...defaultLimits, ...options.limits }
  const clock = options.now ? { now: options.now } : {}
  const log = options.log ?? ((message: string) => console.error(message))
  const deps = {
    db: options.db,
    projects: options.projects,
    configs: options.configs ?? noConfigs,
    limits,
    limiter: createRateLimiter({
      ratePerSecond: limits.ratePerSecond,
      burst: limits.burst,
      ...clock,
    }),
    bytes: createRateLimiter({
      ratePerSecond: limits.networkBytesPerSecond,
      burst: limits.networkByteBurst,
      ...clock,
    }),
    uploads: createUploadSlots(limits.uploadsPerNetwork),
    requests: createRateLimiter({
      ratePerSecond: limits.networkRequestsPerSecond,
      burst: limits.networkRequestBurst,
      ...clock,
    }),
    reads: createRateLimiter({
      ratePerSecond: limits.readsPerSecond,
      burst: limits.readBurst,
      ...clock,
    }),
    guesses: createRateLimiter({
      ratePerSecond: limits.readKeyGuessesPerHour / 3600,
      burst: limits.readKeyGuessBurst,
      ...clock,
    }),
    surveys: createSurveyAllowance(options.db, {
      max: limits.surveysOutsideConfig,
      fromOneNetwork: limits.surveysOutsideConfigFromOneNetwork,
      networks: limits.networksPerSurveyOutsideConfig,
    }),
    questions: createQuestionAllowance(options.db, {
      max: limits.questionsOutsideConfig,
      fromOneNetwork: limits.questionsOutsideConfigFromOneNetwork,
      networks: limits.networksPerQuestionOutsideConfig,
    }),
    drops: createDailyAllowance({ perDay: limits.droppedPerNetworkPerDay, ...clock }),
    responses: createDailyAllowance({
      perDay: limits.responsesPerNetworkPerDay,
      maxEntries: 200_000,
      whenFull: 'forget',
      ...clock,
    }),
    refusals: createCountedRefusals(),
    rollups: createRollupFolder(options.db, log),
    trustedHops: Number(options.trustProxy ?? 0),
    log,
    refuseOrigin: createOriginRefusal(log),
  }
  const app = new Hono<Env>()
  registerBatch(app, deps)
  registerConfig(app, deps)
  // Every request the routes above have not answered (their own take a request of their
  // network after their CORS headers, so a page can read the 429): the stats, the dashboard,
  // /healthz, and whatever is not found.
  app.use('*', limitRequests(deps))
  registerStats(app, deps)
  registerDashboard(app)
  app.get('/healthz', async (c) => {
    await deps.db.query('select 1')
    return c.json({ ok: true })
  })
  app.notFound((c) => fail(c, 404, 'not found'))
  app.onError((error, c) => storageFailure(c, error, log))
  return app
}
