import type { Context } from 'hono'
import { fail } from './fail'

/** Origins told about per collector: a client inventing Origin headers cannot fill the log. */
const toldAtMost = 100

/** Refuses a request whose origin a project's `origins` does not list (see createOriginRefusal). */
export type RefuseOrigin = (c: Context, key: string, origin: string) => Response

/**
 * Refuses a request from an origin its project does not list, with a 403. The reply carries no
 * CORS headers, so the browser hides it from the page, whose console says only that the fetch
 * failed: the first refusal of each origin for a key is said in the collector's log, with the
 * fix, where whoever runs the collector sees it.
 */
export function createOriginRefusal(log: (message: string) => void): RefuseOrigin {
  const told = new Set<string>()
  return (c, key, origin) => {
    const id = `${key}\n${origin}`
    if (!told.has(id) && told.size < toldAtMost) {
      told.add(id)
      log(
        `[sonde-collector] ${key}: refused origin ${JSON.stringify(origin)}, which its pages' ` +
          `config and answers come from (the browser shows them a CORS error): add it to the ` +
          `project's "origins" in the projects file and restart the collector`,
      )
    }
    return fail(c, 403, `origin ${origin} is not allowed for this key`)
  }
}
