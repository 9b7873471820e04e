export { type AppOptions, createApp } from './app'
export {
  type ConfigEntry,
  type ConfigStore,
  configsFromDirectory,
  noConfigs,
  toConfigEntry,
} from './config/configStore'
export { analyzeGrownTables } from './db/analyzeGrownTables'
export type { Database, Queryable } from './db/database'
export { foldRollups } from './db/foldRollups'
export { type Migration, migrate, migrations } from './db/migrations'
export { type DatabaseLocation, openDatabase } from './db/openDatabase'
export { createPgliteTemplate, openPglite, type PgliteOptions } from './db/pglite'
export { openPostgres, type PostgresOptions } from './db/postgres'
export { createRateLimiter, type RateLimiter, type RateLimitOptions } from './http/rateLimiter'
export { type RunningServer, serveApp } from './http/serveApp'
export { loadProjectsFile, readProjects } from './projects/loadProjectsFile'
export { matchOrigin } from './projects/matchOrigin'
export type { Project, ProjectLookup, StoredProject } from './projects/project'
export { type ProjectCacheOptions, projectsFromDatabase } from './projects/projectsFromDatabase'
export { syncProjects } from './projects/syncProjects'
export { defaultLimits, type Limits } from './routes/deps'
export { computeStats, type ScoredGroup, type SurveyStats } from './stats/computeStats'
export type { Verbatim } from './stats/loadVerbatims'
export { type Histogram, type MetricSpec, type Score, scoreHistogram } from './stats/scoreHistogram'
