import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { readInstant } from '../stats/readInstant'

/** Where the database is and which projects and configs to load, from flags or environment. */
export interface CommonOptions {
  databaseUrl?: string
  dataDir: string
  projectsFile?: string
  configsDir?: string
}

/** Options of `sonde-collector start`. */
export interface StartOptions extends CommonOptions {
  port: number
  host: string
  /** Proxies in front that append to X-Forwarded-For (0: none, the header is ignored). */
  trustProxy: number
  /** New responses a client network may start per project and UTC day; the default if unset. */
  responsesPerNetwork?: number
}

/** Options of `sonde-collector export`. */
export interface ExportCommandOptions extends CommonOptions {
  format: 'csv' | 'ndjson'
  project?: string
  survey?: string
  from?: string
  to?: string
}

/**
 * Options of `sonde-collector erase`: one person, by user id or anonymous id; or a survey's data,
 * or the data older than a time (retention), or both; or all the project's data.
 */
export interface EraseCommandOptions extends CommonOptions {
  project: string
  person?: { by: 'id' | 'anonymousId'; value: string }
  surveyId?: string
  before?: string
  all?: boolean
}

const storage = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const

/** The flags of `sonde-collector start` (the README's CLI section lists each). */
export const startFlags = {
  ...storage,
  projects: { type: 'string' },
  configs: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  'responses-per-network': { type: 'string' },
} as const

/** The flags of `sonde-collector export`, which reads the database only. */
export const exportFlags = {
  ...storage,
  format: { type: 'string' },
  project: { type: 'string' },
  survey: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const

/** The flags of `sonde-collector erase`. */
export const eraseFlags = {
  ...storage,
  project: { type: 'string' },
  'user-id': { type: 'string' },
  'anonymous-id': { type: 'string' },
  survey: { type: 'string' },
  before: { type: 'string' },
  all: { type: 'boolean' },
} as const

// `pnpm --filter @sonde/collector start -- --port 8787` hands the script its `--` as well, which
// parseArgs would take as the end of the flags.
const flagsOf = (args: string[]) => (args[0] === '--' ? args.slice(1) : args)

/** Reads `start` flags; flags win over PORT, HOST, DATABASE_URL, SONDE_* variables. */
export function readStartOptions(args: string[], env: NodeJS.ProcessEnv): StartOptions {
  const { values } = parseArgs({
    args: flagsOf(args),
    options: startFlags,
    strict: true,
  })
  const port =
    values.port !== undefined
      ? wholeNumber('--port', values.port, 65_535)
      : wholeNumber('PORT', env.PORT || '8787', 65_535)
  return {
    ...readCommon(values, env),
    port,
    host: values.host ?? env.HOST ?? '0.0.0.0',
    // --trust-proxy is one proxy; SONDE_TRUST_PROXY=2 is a CDN and a balancer, both appending.
    trustProxy: values['trust-proxy']
      ? 1
      : wholeNumber('SONDE_TRUST_PROXY', env.SONDE_TRUST_PROXY || '0', 64),
    ...definedOnly({ responsesPerNetwork: responsesPerNetwork(values, env) }),
  }
}

function responsesPerNetwork(
  values: { 'responses-per-network'?: string },
  env: NodeJS.ProcessEnv,
): number | undefined {
  const flag = values['responses-per-network']
  if (flag !== undefined) return wholeNumber('--responses-per-network', flag, 1e9)
  const variable = env.SONDE_RESPONSES_PER_NETWORK
  return variable ? wholeNumber('SONDE_RESPONSES_PER_NETWORK', variable, 1e9) : undefined
}

// Named as the operator set it: a value not read would fall back without a word, and a
// SONDE_TRUST_PROXY=true ignored puts every client behind the balancer in one rate-limit bucket.
function wholeNumber(name: string, value: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new Error(
      `${name}: expected a whole number from 0 to ${max}, got ${JSON.stringify(value)}`,
    )
  return Number(value)
}

/** Reads `export` flags. */
export function readExportOptions(args: string[], env: NodeJS.ProcessEnv): ExportCommandOptions {
  const { values } = parseArgs({
    args: flagsOf(args),
    options: exportFlags,
    strict: true,
  })
  const format = values.format ?? 'csv'
  if (format !== 'csv' && format !== 'ndjson') {
    throw new Error(`--format: expected csv or ndjson, got ${format}`)
  }
  const from = instantOrThrow(values.from, 'from', 0)
  const to = instantOrThrow(values.to, 'to', 1)
  // As the stats API: an empty or reversed range (dates swapped) would export no one, read as
  // a range without answers.
  if (from && to && Date.parse(to) <= Date.parse(from)) {
    throw new Error('--to: expected a time after --from')
  }
  return {
    ...readCommon(values, env),
    format,
    ...definedOnly({ project: values.project, survey: values.survey, from, to }),
  }
}

/** Reads `erase` flags: a project, and one person, or a survey or a time to delete before. */
export function readEraseOptions(args: string[], env: NodeJS.ProcessEnv): EraseCommandOptions {
  const { values } = parseArgs({ args: flagsOf(args), options: eraseFlags, strict: true })
  if (!values.project) throw new Error('--project: expected the project key (pk_…)')
  const common = { ...readCommon(values, env), project: values.project }
  const userId = values['user-id']
  const anonymousId = values['anonymous-id']
  const survey = values.survey
  const ids = [userId, anonymousId].filter((id) => id !== undefined)
  if (ids.length > 0) {
    const others = [survey, values.before, values.all].filter((value) => value !== undefined)
    if (ids.length > 1 || ids[0] === '' || others.length > 0) {
      throw new Error('expected one of --user-id and --anonymous-id, with the id to erase, alone')
    }
    const person =
      userId === undefined
        ? { by: 'anonymousId' as const, value: anonymousId ?? '' }
        : { by: 'id' as const, value: userId }
    return { ...common, person }
  }
  if (values.all) {
    if (survey !== undefined || values.before !== undefined) {
      throw new Error('--all: the whole project alone, without --survey or --before')
    }
    return { ...common, all: true }
  }
  // As export's --from: a date is its midnight (UTC), a date-time needs its zone.
  const before = instantOrThrow(values.before, 'before', 0)
  if (survey === undefined && before === undefined) {
    throw new Error(
      "expected --user-id or --anonymous-id (a person), or --survey and/or --before (a survey, older data), or --all (all the project's data)",
    )
  }
  if (survey === '') throw new Error('--survey: expected a survey id')
  return { ...common, ...definedOnly({ surveyId: survey, before }) }
}

function readCommon(
  values: { 'data-dir'?: string; projects?: string; configs?: string; 'database-url'?: string },
  env: NodeJS.ProcessEnv,
): CommonOptions {
  const projectsFile = values.projects ?? env.SONDE_PROJECTS
  // Configs live beside the projects file unless told otherwise: one folder to deploy.
  const configsDir =
    values.configs ??
    env.SONDE_CONFIGS ??
    (projectsFile ? join(dirname(resolve(projectsFile)), 'configs') : undefined)
  return {
    dataDir: resolve(values['data-dir'] ?? env.SONDE_DATA_DIR ?? 'sonde-data'),
    ...definedOnly({
      databaseUrl: values['database-url'] ?? env.DATABASE_URL,
      projectsFile,
      configsDir,
    }),
  }
}

// As the stats API reads them: `--to 2026-11-30` includes November 30.
function instantOrThrow(value: string | undefined, name: string, extraDays: number) {
  if (value === undefined) return undefined
  const instant = readInstant(value, extraDays)
  if (instant === null)
    throw new Error(`--${name}: expected a date (2026-11-01) or an ISO date-time with its zone`)
  return instant
}

/** The record without its undefined fields (exactOptionalPropertyTypes). */
export function definedOnly<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>
}
