import {
  createApp,
  type Database,
  projectsFromDatabase,
  serveApp,
  syncProjects,
} from '../../packages/collector/src/index'
import { backends } from '../../packages/collector/src/test/backends'

/** The key the chaos pages send with; any origin may use it (the pages live on a random port). */
export const CHAOS_KEY = 'pk_chaos'

/** What the database holds for the chaos project once the run is over. */
export interface StoredFigures {
  responses: number
  /** Response ids stored more than once (the primary key should make this 0). */
  duplicateResponses: number
  events: number
  /** Event ids stored more than once. */
  duplicateEvents: number
  /** Score and status per response id. */
  rows: Map<string, { status: string; score: number | null }>
}

export interface ChaosCollector {
  url: string
  /** `postgres` when SONDE_TEST_DATABASE_URL is set, else `pglite`. */
  backend: string
  responseCount(): Promise<number>
  stored(): Promise<StoredFigures>
  close(): Promise<void>
}

/**
 * The real collector (createApp with its default limits, rate limiter included, but for the new
 * responses a network may start) over HTTP on loopback, on a fresh database from the collector's
 * own test backends: a schema of its own on the PostgreSQL server when SONDE_TEST_DATABASE_URL is
 * set (as in CI), else an embedded PGlite.
 */
export async function startChaosCollector(): Promise<ChaosCollector> {
  // The last backend is PostgreSQL when there is one: the database a deployment would use.
  const backend = backends[backends.length - 1]
  if (!backend) throw new Error('no collector test backend')
  const db = await backend.open()
  await syncProjects(db, [
    { key: CHAOS_KEY, readKey: 'rk_chaos_0123456789abcdef', origins: ['*'], revoked: false },
  ])
  const app = createApp({
    db,
    projects: projectsFromDatabase(db),
    log: (message) => console.error(`[collector] ${message}`),
    // Every tab answers from loopback, one client network: a full run's 10,000 responses are
    // past the new responses one network may start a day.
    limits: { responsesPerNetworkPerDay: Number.MAX_SAFE_INTEGER },
  })
  const server = await serveApp(app)
  return {
    url: server.url,
    backend: backend.name,
    responseCount: () => count(db, 'select count(*)::int as n from responses where project = $1'),
    stored: () => stored(db),
    async close() {
      await server.close()
      await db.close()
    },
  }
}

async function count(db: Database, sql: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql, [CHAOS_KEY])
  return row?.n ?? 0
}

async function stored(db: Database): Promise<StoredFigures> {
  const rows = await db.query<{ response_id: string; status: string; score: number | null }>(
    'select response_id, status, score from responses where project = $1',
    [CHAOS_KEY],
  )
  const duplicates = (table: string, id: string) =>
    count(
      db,
      `select count(*)::int as n from (select ${id} from ${table} where project = $1
       group by ${id} having count(*) > 1) twice`,
    )
  return {
    responses: rows.length,
    duplicateResponses: await duplicates('responses', 'response_id'),
    events: await count(db, 'select count(*)::int as n from events where project = $1'),
    duplicateEvents: await duplicates('events', 'id'),
    rows: new Map(rows.map((r) => [r.response_id, { status: r.status, score: r.score }])),
  }
}
