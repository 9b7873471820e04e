import pg from 'pg'
import type { Database, Queryable } from './database'

/** Options for {@link openPostgres}. */
export interface PostgresOptions {
  /** Schema to work in (`search_path`); tests use one per run so they can share a server. */
  schema?: string
  /** Most connections this process opens; each replica has its own pool. */
  max?: number
  /**
   * How long a statement run on its own (not in a transaction) may go unanswered before it fails
   * and its connection is dropped; none by default (an export may read for long).
   */
  queryTimeoutMs?: number
}

// SQLSTATEs after which the same transaction may simply be run again.
const retryable = new Set(['40001', '40P01'])
const attempts = 4
// Connecting, or waiting for a free connection, longer than this fails the request with a 503.
const connectTimeoutMs = 10_000

/** Connects to a PostgreSQL server through a `pg` pool. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: connectTimeoutMs,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  })
  // An idle client losing its connection emits 'error' on the pool; unhandled, that would end the
  // process. The next query gets a fresh client, so logging is enough.
  pool.on('error', (error) =>
    console.error('[sonde-collector] idle connection lost:', error.message),
  )
  await pool.query('select 1')
  return {
    driver: 'postgres',
    ...wrap(pool),
    // A statement on its own is a transaction of its own: run again like one. A server gone
    // without a word (a failover, a partition) leaves its connections silent until the kernel
    // gives up, a quarter of an hour: a query sent on one waited that long, and the pool handed
    // it out again. Timed out, it fails and its connection is dropped. Transactions (migrations,
    // folds) are not timed: they may rightly run long.
    query: <Row>(sql: string, params: readonly unknown[] = []) =>
      retried(async () => {
        const query = { text: sql, values: [...params], query_timeout: options.queryTimeoutMs }
        return (await pool.query(query)).rows as Row[]
      }),
    transaction: (work) => runTransaction(pool, work),
    close: () => pool.end(),
  }
}

async function runTransaction<T>(pool: pg.Pool, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return retried(async () => {
    const client = await pool.connect()
    try {
      await client.query('begin')
      const result = await work(wrap(client))
      await client.query('commit')
      client.release()
      return result
    } catch (error) {
      // A connection that cannot even roll back (timed out, lost) is not handed out again.
      const broken = await client.query('rollback').then(
        () => false,
        () => true,
      )
      client.release(broken)
      throw error
    }
  })
}

async function retried<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= attempts || !retryable.has(sqlState(error))) throw error
    }
  }
}

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await target.query(sql, [...params])).rows as Row[],
    exec: async (sql) => {
      await target.query(sql)
    },
  }
}

function sqlState(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
