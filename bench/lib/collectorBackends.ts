// Where bench/collector.ts runs the collector: PGlite in a temp data dir, and PostgreSQL (CI's
// test server, or one started with scripts/postgres.sh), each served over HTTP on loopback.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  createApp,
  type Database,
  migrate,
  openPglite,
  openPostgres,
  projectsFromDatabase,
  type RunningServer,
  serveApp,
  syncProjects,
  type toConfigEntry,
} from '../../packages/collector/src/index'

const root = fileURLToPath(new URL('../..', import.meta.url))

export interface Backend {
  name: string
  db: Database
  server: RunningServer
  /** Writes the responses, then does what follows such a load; returns the seconds it took. */
  load(): Promise<number>
  close(): Promise<void>
}

/** What the bench serves and loads. */
export interface Setup {
  project: { key: string; readKey: string; origins: string[] }
  config: ReturnType<typeof toConfigEntry>
  /** Loads a database in this process; returns the seconds it took. */
  load(db: Database): Promise<number>
  /** Loads a PostgreSQL schema from another process; returns the seconds it took. */
  loadElsewhere(url: string, schema: string): Promise<number>
}

async function serve(
  { project, config }: Setup,
  name: string,
  db: Database,
  load: () => Promise<number>,
  close: () => Promise<void>,
): Promise<Backend> {
  await migrate(db)
  await syncProjects(db, [{ ...project, revoked: false }])
  const app = createApp({
    db,
    projects: projectsFromDatabase(db),
    configs: { load: async (key) => (key === project.key ? config : null) },
    // Every client posts from 127.0.0.1 with one key, and the stats runs read one project back to
    // back: the limits per client and per project would be measured.
    limits: {
      ratePerSecond: 1e9,
      burst: 1e9,
      networkBytesPerSecond: 1e12,
      networkByteBurst: 1e12,
      uploadsPerNetwork: 1e9,
      networkRequestsPerSecond: 1e9,
      networkRequestBurst: 1e9,
      responsesPerNetworkPerDay: 1e9,
      readsPerSecond: 1e9,
      readBurst: 1e9,
    },
  })
  const server = await serveApp(app)
  const stop = async () => {
    await server.close()
    await close()
  }
  return { name, db, server, load, close: stop }
}

export async function onPglite(setup: Setup): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'sonde-bench-'))
  const db = await openPglite(join(dir, 'data'))
  return serve(
    setup,
    'PGlite',
    db,
    () => setup.load(db),
    async () => {
      await db.close()
      await rm(dir, { recursive: true, force: true })
    },
  )
}

// CI's server when it is up; otherwise one from scripts/postgres.sh, stopped afterwards unless
// it was already running. Each run works in a schema of its own, dropped at the end.
export async function onPostgres(setup: Setup): Promise<Backend | string> {
  let url = process.env.SONDE_TEST_DATABASE_URL
  let stop = () => {}
  if (!url) {
    const run = spawnSync('bash', ['scripts/postgres.sh'], { cwd: root, encoding: 'utf8' })
    if (run.status !== 0) return run.stderr.trim().split('\n').at(-1) ?? `exit ${run.status}`
    url = run.stdout.trim()
    const env = { ...process.env, SONDE_PG_STOP: '1', SONDE_PG_PORT: new URL(url).port }
    if (!run.stderr.includes('already running')) {
      stop = () => void spawnSync('bash', ['scripts/postgres.sh'], { cwd: root, env })
    }
  }
  const schema = `sonde_bench_${randomBytes(6).toString('hex')}`
  const admin = await openPostgres(url, { max: 1 })
  await admin.exec(`create schema ${schema}`)
  const db = await openPostgres(url, { schema })
  // Loaded from another process: PGlite's load holds this thread, and would hold this one's
  // statements back until it is done.
  const load = () => setup.loadElsewhere(url, schema)
  return serve(setup, 'PostgreSQL', db, load, async () => {
    await db.close()
    await admin.exec(`drop schema ${schema} cascade`)
    await admin.close()
    stop()
  })
}
