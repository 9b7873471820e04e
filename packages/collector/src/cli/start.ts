import { createApp } from '../app'
import { configsFor } from '../config/configStore'
import { serveApp } from '../http/serveApp'
import { loadProjectsFile } from '../projects/loadProjectsFile'
import { projectsFromDatabase } from '../projects/projectsFromDatabase'
import { syncProjects } from '../projects/syncProjects'
import { openStorage } from './openStorage'
import type { StartOptions } from './options'

// A request answers 503 (retried) rather than wait on a database that stopped answering; well
// within the SDK's 30 s, and past any statement the server runs on a healthy database.
const queryTimeoutMs = 20_000

/**
 * Runs the collector until SIGINT or SIGTERM: opens and migrates the database, writes the
 * projects file into it, serves HTTP, and on a signal stops accepting, finishes what is in
 * flight (for 10 s at most), and closes the database cleanly (PGlite must be closed to keep its
 * files consistent).
 */
export async function start(options: StartOptions): Promise<void> {
  const projects = options.projectsFile ? await loadProjectsFile(options.projectsFile) : null
  const db = await openStorage(options, queryTimeoutMs)
  if (projects) await syncProjects(db, projects)
  const configs = configsFor(options.configsDir)
  const app = createApp({
    db,
    projects: projectsFromDatabase(db),
    configs,
    trustProxy: options.trustProxy,
    ...(options.responsesPerNetwork === undefined
      ? {}
      : { limits: { responsesPerNetworkPerDay: options.responsesPerNetwork } }),
  })
  const server = await serveApp(app, { port: options.port, host: options.host }).catch(
    async (error: NodeJS.ErrnoException) => {
      // PGlite must be closed (and its directory unlocked) however the start ends.
      await db.close()
      const reason =
        error.code === 'EADDRINUSE' ? 'the port is in use (--port or PORT)' : error.message
      throw new Error(`cannot listen on ${options.host}:${options.port}: ${reason}`)
    },
  )
  const { port } = new URL(server.url)
  const storage = options.databaseUrl ? 'PostgreSQL' : `PGlite in ${options.dataDir}`
  console.error(`[sonde-collector] listening on ${server.url} (${storage})`)
  console.error(`[sonde-collector] dashboard: http://localhost:${port}/dashboard/`)
  const stop = () => {
    console.error('[sonde-collector] stopping…')
    server
      .close()
      .then(() => db.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
