import { once } from 'node:events'
import { exportResponses } from '../export/exportResponses'
import { assertStoredData, openStorage } from './openStorage'
import type { ExportCommandOptions } from './options'

/** Writes the selected responses to stdout, honouring back-pressure (`| gzip > file` is fine). */
export async function exportCommand(options: ExportCommandOptions): Promise<void> {
  assertStoredData(options)
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
