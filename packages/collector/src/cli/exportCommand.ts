import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { exportResponses } from '../export/exportResponses'
import { openStorage } from './openStorage'
import type { ExportCommandOptions } from './options'

/** Writes the selected responses to stdout, honouring back-pressure (`| gzip > file` is fine). */
export async function exportCommand(options: ExportCommandOptions): Promise<void> {
  // Run from another folder than the server, the default ./sonde-data holds nothing: opening it
  // would create an empty database there and export 0 responses as if there were none.
  if (!options.databaseUrl && !existsSync(join(options.dataDir, 'PG_VERSION'))) {
    throw new Error(
      `no database in ${options.dataDir}: point --data-dir (or SONDE_DATA_DIR) at the server's, or set DATABASE_URL`,
    )
  }
  const db = await openStorage(options)
  try {
    const count = await exportResponses(
      db,
      {
        format: options.format,
        ...(options.project ? { project: options.project } : {}),
        ...(options.survey ? { surveyId: options.survey } : {}),
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
      },
      async (chunk) => {
        if (!process.stdout.write(chunk)) await once(process.stdout, 'drain')
      },
    )
    console.error(`[sonde-collector] exported ${count} responses`)
  } finally {
    await db.close()
  }
}
