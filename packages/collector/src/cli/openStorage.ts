import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from '../db/database'
import { openDatabase } from '../db/openDatabase'
import { lockDataDir } from './lockDataDir'
import type { CommonOptions } from './options'

/**
 * Opens the configured database and applies migrations; for PGlite, locks its data directory
 * first. Closing releases the lock.
 *
 * @param queryTimeoutMs PostgreSQL only: how long a query may go unanswered before it fails.
 */
export async function openStorage(
  options: CommonOptions,
  queryTimeoutMs?: number,
): Promise<Database> {
  if (options.databaseUrl) return openDatabase({ url: options.databaseUrl, queryTimeoutMs })
  const unlock = await lockDataDir(options.dataDir)
  try {
    const db = await openDatabase({ dataDir: options.dataDir })
    return {
      ...db,
      async close() {
        await db.close()
        await unlock()
      },
    }
  } catch (error) {
    await unlock()
    throw error
  }
}

/**
 * Refuses a data directory without a database, for the commands that read or change the
 * server's: run from another folder than the server, the default ./sonde-data holds nothing, and
 * opening it would create an empty database there and find nobody, as if there were none.
 */
export function assertStoredData(options: CommonOptions): void {
  if (!options.databaseUrl && !existsSync(join(options.dataDir, 'PG_VERSION'))) {
    throw new Error(
      `no database in ${options.dataDir}: point --data-dir (or SONDE_DATA_DIR) at the server's, or set DATABASE_URL`,
    )
  }
}
