import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import {
  type Config,
  type ConfigResult,
  describeError,
  type ParseError,
  parseConfig,
} from '@sonde/core'
import { projectKeyPattern } from '../projects/loadProjectsFile'
import { describeJsonError } from './describeJsonError'

/** A project's config, ready to serve. */
export interface ConfigEntry {
  /** What passed core's `parseConfig`: invalid surveys and tours are left out. */
  config: Config
  /** The JSON served to the SDK. */
  body: string
  /** A strong ETag of `body`. */
  etag: string
  /** Why anything was left out of `config`. */
  errors: ParseError[]
}

/** Where project configs come from. */
export interface ConfigStore {
  /** The project's config, or `null` when it has none. */
  load(key: string): Promise<ConfigEntry | null>
}

/** A store with no config for any project. */
export const noConfigs: ConfigStore = { load: async () => null }

/**
 * Serves `<dir>/<project key>.json`. A file is read again only when its size or modification time
 * changes, so editing it takes effect on the next request without a restart; its errors are
 * logged once per change and its valid part is served.
 */
export function configsFromDirectory(
  dir: string,
  log: (message: string) => void = (message) => console.error(message),
): ConfigStore {
  const cache = new Map<string, { stamp: string; entry: ConfigEntry | null }>()
  return {
    async load(key) {
      if (!projectKeyPattern.test(key)) return null
      const path = join(dir, `${key}.json`)
      const stamp = await stampOf(path)
      if (stamp === null) return null
      const hit = cache.get(key)
      if (hit?.stamp === stamp) return hit.entry
      // A file that is not JSON (a save caught half written, a typo) keeps the last config that
      // was: serving {} would take every survey off every page until browsers and CDNs refetch.
      const entry = (await readEntry(path, hit?.entry ?? null, log)) ?? hit?.entry ?? null
      cache.set(key, { stamp, entry })
      return entry
    },
  }
}

/**
 * The configs a server started with `dir` serves (none without one). The folder need not exist
 * yet: files are looked up on each request, so the first config put there is served without a
 * restart. Its absence is said at start, in case the path is mistyped.
 */
export function configsFor(
  dir: string | undefined,
  log: (message: string) => void = (message) => console.error(message),
): ConfigStore {
  if (!dir) return noConfigs
  if (!existsSync(dir))
    log(`[sonde-collector] no configs folder at ${dir} yet: <key>.json put there will be served`)
  return configsFromDirectory(dir, log)
}

/** Builds an entry from config content already in memory (tests, or configs kept elsewhere). */
export function toConfigEntry(input: unknown): ConfigEntry {
  return entryOf(parseConfig(input))
}

function entryOf({ value, errors }: ConfigResult): ConfigEntry {
  const body = JSON.stringify(value)
  const digest = createHash('sha256').update(body).digest('base64url').slice(0, 27)
  return { config: value, body, etag: `"${digest}"`, errors }
}

async function stampOf(path: string): Promise<string | null> {
  try {
    const info = await stat(path)
    return info.isFile() ? `${info.size}:${info.mtimeMs}` : null
  } catch {
    return null
  }
}

async function readEntry(
  path: string,
  previous: ConfigEntry | null,
  log: (message: string) => void,
): Promise<ConfigEntry | null> {
  let input: unknown = {}
  let text = ''
  try {
    text = await readFile(path, 'utf8')
    input = JSON.parse(text)
  } catch (cause) {
    const reason = describeJsonError(text, cause)
    log(
      `[sonde-collector] ${path}: ${reason}${previous ? '; still serving the last valid one' : ''}`,
    )
    if (previous) return null
  }
  const result = parseConfig(input)
  // JSON but no config (a list, "surveys" keyed by id) is served no more than a half-saved file.
  const kept = result.rejected && previous ? '; still serving the last valid one' : ''
  for (const error of result.errors)
    log(`[sonde-collector] ${path}: ${describeError(error)}${kept}`)
  return kept ? null : entryOf(result)
}
