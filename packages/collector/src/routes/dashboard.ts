import { readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Hono } from 'hono'
import type { Env } from './deps'

const require = createRequire(import.meta.url)
const dashboardDir = fileURLToPath(new URL('../dashboard/', import.meta.url))

// uPlot's browser build, served beside the dashboard's own files.
const vendor: Record<string, string> = {
  'uPlot.iife.min.js': require.resolve('uplot/dist/uPlot.iife.min.js'),
  'uPlot.min.css': require.resolve('uplot/dist/uPlot.min.css'),
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

// Scripts and styles only from this origin, no inline code, no framing, and Trusted Types
// enforced: the page writes text with textContent only, so it needs no HTML sink at all.
const securityHeaders = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types',
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
}

/**
 * Serves the results dashboard at /dashboard/. It is static: it reads everything through the
 * stats API with the read key the user types in, so it holds no secret itself.
 */
export function registerDashboard(app: Hono<Env>): void {
  // Listed once: the cache below then holds these files at most, whatever names are asked for.
  const files = new Set([
    ...readdirSync(dashboardDir).filter((name) => /^[a-z]+\.(html|js|css)$/.test(name)),
    ...Object.keys(vendor),
  ])
  const cache = new Map<string, Promise<Buffer | null>>()
  const load = (name: string) => {
    let content = cache.get(name)
    if (!content) {
      content = readFile(pathOf(name)).catch(() => null)
      cache.set(name, content)
    }
    return content
  }
  app.get('/dashboard', (c) => c.redirect('/dashboard/', 301))
  app.get('/dashboard/:name{[A-Za-z.]*}', async (c) => {
    const name = c.req.param('name') || 'index.html'
    const type = types[extname(name)]
    const body = type && files.has(name) && (await load(name))
    if (!body) return c.json({ error: 'not found' }, 404)
    return c.body(new Uint8Array(body), 200, { 'Content-Type': type, ...securityHeaders })
  })
}

function pathOf(name: string): string {
  return vendor[name] ?? join(dashboardDir, name)
}
