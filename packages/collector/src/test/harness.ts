import type { Hono } from 'hono'
import { type AppOptions, createApp } from '../app'
import { type ConfigStore, toConfigEntry } from '../config/configStore'
import type { Database } from '../db/database'
import { projectsFromDatabase } from '../projects/projectsFromDatabase'
import { syncProjects } from '../projects/syncProjects'
import type { Env } from '../routes/deps'
import { testConfig, testProjects } from './fixtures'

/** pk_test has testConfig; no other project has a config. */
export const testConfigs: ConfigStore = {
  load: async (key) => (key === 'pk_test' ? toConfigEntry(testConfig) : null),
}

/** Empties the tables and writes the test projects again. */
export async function resetDatabase(db: Database): Promise<void> {
  await db.exec('truncate events, responses, projects, dropped_events, refused_responses')
  await syncProjects(db, testProjects)
}

/** A collector on `db` with the test projects and configs, no cache, quiet logs. */
export function testApp(db: Database, options: Partial<AppOptions> = {}): Hono<Env> {
  return createApp({
    db,
    projects: projectsFromDatabase(db, { cacheMs: 0 }),
    configs: testConfigs,
    log: () => undefined,
    ...options,
  })
}

/**
 * POSTs a body (serialised unless already a string) to /v1/batch, plus `query` (`?key=…`),
 * declaring its length as browsers and HTTP clients do.
 */
export function postBatch(
  app: Hono<Env>,
  body: unknown,
  headers: Record<string, string> = {},
  query = '',
): Promise<Response> {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const length = String(Buffer.byteLength(text))
  return Promise.resolve(
    app.request(`/v1/batch${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'content-length': length, ...headers },
      body: text,
    }),
  )
}

/** How many rows a table holds. */
export async function countRows(db: Database, table: 'events' | 'responses'): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)
  return row?.n ?? 0
}

/** A reply's JSON body, for assertions to check (hence untyped). */
// biome-ignore lint/suspicious/noExplicitAny: test replies are checked by the assertions.
export async function readJson(res: Response): Promise<any> {
  return res.json()
}
