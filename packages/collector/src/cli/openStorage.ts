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
