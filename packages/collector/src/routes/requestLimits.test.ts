import { describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { makeBatch, makeEvent } from '../test/fixtures'
import { postBatch, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

// Batch posts and stats reads were bounded; the config, CORS preflights, /healthz (a query each)
// and the dashboard's files were not: one client could ask for them as fast as it could send.
describe.each(backends)('the requests of one client network on $name', (backend) => {
  const db = suiteDatabase(backend)
  const origin = 'https://app.example.com'

  it('are bounded on every route but the batch post, with 429 and Retry-After', async () => {
    let now = 0
    const app = testApp(db, {
      limits: { networkRequestsPerSecond: 1, networkRequestBurst: 5 },
      now: () => now,
      trustProxy: true,
    })
    const ask = (path: string, method = 'GET', ip = '198.51.100.1') =>
      Promise.resolve(
        app.request(path, {
          method,
          headers: { origin, 'x-forwarded-for': ip, 'access-control-request-method': 'POST' },
        }),
      )
    const statuses = []
    for (const [path, method] of [
      ['/v1/config?key=pk_test', 'GET'],
      ['/v1/config?key=pk_test', 'OPTIONS'],
      ['/v1/batch', 'OPTIONS'],
      ['/healthz', 'GET'],
      ['/dashboard/', 'GET'],
    ] as const) {
      statuses.push((await ask(path, method)).status)
    }
    expect(statuses).toEqual([200, 204, 204, 200, 200])
    for (const [path, method] of [
      ['/v1/config?key=pk_test', 'GET'],
      ['/v1/config?key=pk_test', 'OPTIONS'],
      ['/v1/batch', 'OPTIONS'],
      ['/healthz', 'GET'],
      ['/dashboard/', 'GET'],
      ['/v1/stats?key=pk_test', 'GET'],
      ['/nowhere', 'GET'],
    ] as const) {
      const refused = await ask(path, method)
      expect([path, method, refused.status]).toEqual([path, method, 429])
      expect(refused.headers.get('retry-after')).toBe('1')
    }
    // The SDK reads the refusal of its config and of its preflights, and waits.
    const config = await ask('/v1/config?key=pk_test')
    expect(config.headers.get('access-control-allow-origin')).toBe(origin)
    expect(config.headers.get('access-control-expose-headers')).toContain('Retry-After')
    const preflight = await ask('/v1/batch', 'OPTIONS')
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin)
    // Batches have limits of their own; another network has its own requests; time gives
    // them back.
    const batch = await postBatch(app, makeBatch([makeEvent()]), {
      origin,
      'x-forwarded-for': '198.51.100.1',
    })
    expect(batch.status).toBe(200)
    expect((await ask('/healthz', 'GET', '203.0.113.9')).status).toBe(200)
    now += 1_000
    expect((await ask('/healthz')).status).toBe(200)
    expect((await ask('/healthz')).status).toBe(429)
  })

  // A team behind one office address opening the dashboard at once: each asks for its files,
  // the list of surveys and a survey's stats, with the right read key.
  it('let a team behind one address open the dashboard at once', async () => {
    const app = testApp(db, { trustProxy: true })
    const files = ['', 'style.css', 'uPlot.min.css', 'uPlot.iife.min.js', 'app.js', 'api.js']
    const more = ['dom.js', 'render.js', 'chart.js', 'format.js', 'verbatims.js']
    const reads = ['/v1/stats?key=pk_test', '/v1/stats/nps-q4?key=pk_test']
    const headers = {
      'x-forwarded-for': '198.51.100.7',
      authorization: 'Bearer rk_test_0123456789abcdef',
    }
    const person = () => [...[...files, ...more].map((name) => `/dashboard/${name}`), ...reads]
    const paths = Array.from({ length: 8 }, person).flat()
    const replies = await Promise.all(paths.map((path) => app.request(path, { headers })))
    const refused = replies.flatMap((reply, i) => (reply.status === 429 ? [paths[i]] : []))
    expect(refused).toEqual([])
  })
})
