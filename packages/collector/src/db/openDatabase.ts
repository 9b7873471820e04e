import type { Database } from './database'
import { migrate } from './migrations'
import { openPglite } from './pglite'
import { openPostgres } from './postgres'

/** Where the data lives: a PostgreSQL URL wins over an embedded data directory. */
export interface DatabaseLocation {
  /** A `postgres://` URL (usually `DATABASE_URL`). */
  url?: string
  /** PGlite's data directory; in memory when neither this nor `url` is given. */
  dataDir?: string
  /** PostgreSQL only: how long a query may go unanswered (see `openPostgres`). */
  queryTimeoutMs?: number
}

/** Opens the database the location names and applies pending migrations. */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const db = location.url
    ? await openPostgres(location.url, { queryTimeoutMs: location.queryTimeoutMs })
    : await openPglite(location.dataDir)
  try {
    await migrate(db)
  } catch (error) {
    await db.close()
    throw error
  }
  return db
}
