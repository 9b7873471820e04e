import type { Queryable } from '../db/database'
import { projectKeyPattern } from './loadProjectsFile'
import { matchOrigin } from './matchOrigin'
import type { ProjectLookup, StoredProject } from './project'

/** Options for {@link projectsFromDatabase}. */
export interface ProjectCacheOptions {
  /** How long a lookup (found or not) is reused; a revocation takes effect within it. */
  cacheMs?: number
  /** Most keys remembered; the cache is cleared when full, which bounds memory under key spam. */
  maxEntries?: number
  now?: () => number
}

interface Row {
  key: string
  name: string | null
  read_key_sha256: string
  origins: string[]
  revoked: boolean
  erasures: number
}

/**
 * Looks projects up in the `projects` table, caching each answer briefly: every batch needs its
 * project, and a replica must not query for it each time.
 */
export function projectsFromDatabase(
  db: Queryable,
  options: ProjectCacheOptions = {},
): ProjectLookup {
  const cacheMs = options.cacheMs ?? 5_000
  const maxEntries = options.maxEntries ?? 10_000
  const now = options.now ?? Date.now
  const cache = new Map<string, { value: unknown; expires: number }>()

  async function cached<T>(id: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(id)
    if (hit && hit.expires > now()) return hit.value as T
    const value = await load()
    if (cacheMs > 0) {
      if (cache.size >= maxEntries) cache.clear()
      cache.set(id, { value, expires: now() + cacheMs })
    }
    return value
  }

  return {
    find: (key) => {
      // Not a key a project can have (see loadProjectsFile): neither asked for nor remembered.
      // A batch's key may be a megabyte of anything, and each unknown key was kept until the
      // cache filled; a NUL failed the query ("could not store this batch") instead.
      if (!projectKeyPattern.test(key)) return Promise.resolve(null)
      return cached(`key:${key}`, async () => {
        const [row] = await db.query<Row>(
          'select key, name, read_key_sha256, origins, revoked, erasures from projects where key = $1',
          [key],
        )
        return row ? toProject(row) : null
      })
    },
    allowsOrigin: (origin) => {
      // Longer than a browser's origin can be: neither asked for nor remembered. A client writes
      // the header as it pleases (up to the 16 KB Node allows a request's headers), and a
      // preflight is not rate limited, so 10,000 distinct ones held 160 MB.
      if (origin.length > maxOriginLength) return Promise.resolve(false)
      return cached(`origin:${origin}`, async () => {
        const rows = await db.query<Pick<Row, 'origins'>>(
          'select origins from projects where not revoked',
        )
        return rows.some((row) => matchOrigin(row.origins, origin))
      })
    },
  }
}

// A scheme, a DNS name (253 characters at most) and a port.
const maxOriginLength = 'https://'.length + 253 + ':65535'.length

function toProject(row: Row): StoredProject {
  return {
    key: row.key,
    ...(row.name === null ? {} : { name: row.name }),
    readKeySha256: row.read_key_sha256,
    origins: row.origins,
    revoked: row.revoked,
    erasures: row.erasures,
  }
}
