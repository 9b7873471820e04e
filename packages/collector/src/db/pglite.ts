import { PGlite } from '@electric-sql/pglite'
import { analyzeGrownTables } from './analyzeGrownTables'
import type { Database, Queryable } from './database'
import { migrate } from './migrations'

// How often an open PGlite database looks for tables to analyze (it has no autovacuum).
const analyzeEveryMs = 60_000

/** Options for {@link openPglite}. */
export interface PgliteOptions {
  /** Start from a copy of this data directory (see {@link createPgliteTemplate}). */
  template?: Blob
}

/**
 * Opens an embedded PostgreSQL (PGlite, WebAssembly) stored in `dataDir`, or in memory when
 * `dataDir` is omitted (tests). PGlite has one connection, so transactions run one at a time and
 * never deadlock.
 */
export async function openPglite(dataDir?: string, options: PgliteOptions = {}): Promise<Database> {
  const pg = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.template ? { loadDataDir: options.template } : {}),
  })
  const timer = setInterval(() => {
    analyzeGrownTables(wrap(pg)).catch((error: unknown) =>
      console.error('[sonde-collector] analyze failed:', error),
    )
  }, analyzeEveryMs)
  // Never what keeps the process alive.
  timer.unref()
  return {
    driver: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    close: () => {
      clearInterval(timer)
      return pg.close()
    },
  }
}

/**
 * A migrated, empty in-memory database as an uncompressed tarball. Creating a cluster runs
 * initdb, which takes seconds; loading this copy takes a fraction of that, so test suites start
 * from one template instead of each running initdb.
 */
export async function createPgliteTemplate(): Promise<Blob> {
  const pg = await PGlite.create()
  try {
    const db: Database = {
      driver: 'pglite',
      ...wrap(pg),
      transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
      close: () => pg.close(),
    }
    await migrate(db)
    return await pg.dumpDataDir('none')
  } finally {
    await pg.close()
  }
}

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
  exec(sql: string): Promise<unknown>
}

function wrap(target: PgliteLike): Queryable {
  return {
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await target.query<Row>(sql, [...params])).rows,
    exec: async (sql) => {
      await target.exec(sql)
    },
  }
}
