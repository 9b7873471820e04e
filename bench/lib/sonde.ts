// Sonde as a script-tag user installs it, for the browser benches: the built files served as a
// CDN would, the inline stub and `sonde.js` with data-* attributes, one CSAT survey on an event.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SurveyProbe } from './prompt'
import { type Route, type Server, serve } from './server'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The build measured: $SONDE_SDK_DIST (another build, say a copy kept aside for comparison),
 * else packages/sdk/dist, built first if missing. Served from a copy taken now, so that a
 * rebuild during the run (a watcher, another job) neither breaks it nor mixes two builds.
 */
export function sondeDist(): string {
  const dist = process.env.SONDE_SDK_DIST ?? join(root, 'packages/sdk/dist')
  if (!process.env.SONDE_SDK_DIST && !existsSync(join(dist, 'sonde.js'))) {
    execFileSync('pnpm', ['--filter', '@sonde/sdk', 'run', '-s', 'build'], { cwd: root })
  }
  const copy = mkdtempSync(join(tmpdir(), 'sonde-dist-'))
  cpSync(dist, copy, { recursive: true })
  process.on('exit', () => rmSync(copy, { recursive: true, force: true }))
  return copy
}

export const SURVEY_ID = 'csat-bench'
export const TRIGGER_EVENT = 'ticket_closed'
export const QUESTION = 'How satisfied are you?'

// One CSAT survey on an event, which may show again at once (no recontact wait, no cooldown).
const config = {
  settings: { cooldownDays: 0 },
  surveys: [
    {
      id: SURVEY_ID,
      version: 1,
      kind: 'csat',
      locale: 'en',
      questions: [{ id: 'csat', type: 'rating', scale: 5, text: QUESTION }],
      trigger: { event: TRIGGER_EVENT },
      frequency: { recontactDays: 0, dismissCooldownDays: 0 },
    },
  ],
}

/** The page's <head> additions: the inline stub, then the bundle, which starts from data-*. */
export function sondeHead(dist: string): string {
  const stub = readFileSync(join(dist, 'stub.js'), 'utf8')
  return `<script>${stub}</script>
<script async src="/sdk/sonde.js" data-endpoint="/v1/batch" data-key="pk_bench"
 data-config="/config.json"></script>`
}

/** The collector's batch endpoint (every event accepted), the config, and the SDK's files. */
export function sondeRoutes(dist: string): Route {
  return ({ method, path, body }) => {
    if (method === 'POST' && path === '/v1/batch') {
      const batch = JSON.parse(body.toString('utf8')) as { events: { id: string }[] }
      const accepted = batch.events.map((e) => e.id)
      return { type: 'application/json', body: JSON.stringify({ accepted, rejected: [] }) }
    }
    if (path === '/config.json') return { type: 'application/json', body: JSON.stringify(config) }
    if (path.startsWith('/sdk/')) {
      const file = normalize(join(dist, path.slice('/sdk/'.length)))
      if (!file.startsWith(dist) || !existsSync(file)) return { status: 404 }
      const type = extname(file) === '.js' ? 'text/javascript' : 'application/json'
      // Cacheable, as a CDN serves them: "cached" then means cached.
      return { type, cache: 'max-age=3600', body: readFileSync(file) }
    }
    return undefined
  }
}

/** How the harness reaches Sonde's survey in the page. */
export const sondeProbe: SurveyProbe = {
  ready: `window.sonde?.__sonde && window.sonde.canShow('${SURVEY_ID}').reason !== 'loading'`,
  trigger: `window.sonde.track('${TRIGGER_EVENT}')`,
  host: 'sonde-root',
  survey: '[role=dialog]',
  close: 'button[aria-label=Close]',
}

/**
 * A bench's host page (`body` in a document with Sonde in its head) at every path that is not
 * Sonde's, with `config` as the config Sonde fetches.
 */
export function serveSondeHost(dist: string, body: string, config: object): Promise<Server> {
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,">${sondeHead(dist)}</head>
<body>${body}</body></html>`
  const routes = sondeRoutes(dist)
  return serve([
    (request) =>
      request.path === '/config.json'
        ? { type: 'application/json', body: JSON.stringify(config) }
        : routes(request),
    () => ({ type: 'text/html', body: host }),
  ])
}
