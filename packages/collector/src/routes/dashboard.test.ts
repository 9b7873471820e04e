import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { registerDashboard } from './dashboard'
import type { Env } from './deps'

// A full collection on demand, so the heap measured is what the server still holds.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function dashboardApp(): Hono<Env> {
  const app = new Hono<Env>()
  registerDashboard(app)
  return app
}

describe('GET /dashboard/…', () => {
  it.each([
    ['/dashboard/', 200, 'text/html; charset=utf-8'],
    ['/dashboard/app.js', 200, 'text/javascript; charset=utf-8'],
    ['/dashboard/style.css', 200, 'text/css; charset=utf-8'],
    ['/dashboard/uPlot.iife.min.js', 200, 'text/javascript; charset=utf-8'],
    ['/dashboard/missing.js', 404, 'application/json'],
    ['/dashboard/tsconfig.json', 404, 'application/json'],
  ])('%s → %s', async (path, status, type) => {
    const res = await dashboardApp().request(path)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe(type)
    if (status === 200) expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  // Anyone may ask for any name made of letters, and each one asked for was remembered: 4,000
  // requests of 8 KB names held 33 MB for good, so a script could exhaust the server's memory.
  it('holds nothing for the names of files it does not have', async () => {
    const app = dashboardApp()
    await app.request('/dashboard/')
    gc()
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < 4_000; i++) {
      const name = `${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]!)}.js`
      const res = await app.request(`/dashboard/${'a'.repeat(8_000)}${name}`)
      expect(res.status).toBe(404)
    }
    gc()
    expect((process.memoryUsage().heapUsed - before) / 1e6).toBeLessThan(5)
  })
})
