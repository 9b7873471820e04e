import { describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { makeBatch, makeEvent, testConfig } from '../test/fixtures'
import { countRows, postBatch, readJson, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

describe.each(backends)('config and CORS on $name', (backend) => {
  const db = suiteDatabase(backend)

  const get = (query: string, headers: Record<string, string> = {}) =>
    testApp(db, { limits: { configMaxAgeSeconds: 120 } }).request(`/v1/config${query}`, { headers })

  describe('GET /v1/config', () => {
    it('serves the project config with an ETag and cache headers', async () => {
      const res = await get('?key=pk_test')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(res.headers.get('cache-control')).toBe('public, max-age=120')
      expect(res.headers.get('etag')).toMatch(/^"[\w-]{27}"$/)
      const body = await readJson(res)
      expect(body.surveys.map((survey: { id: string }) => survey.id)).toEqual(
        testConfig.surveys.map((survey) => survey.id),
      )
    })

    it('answers 304 without a body when the ETag matches', async () => {
      const etag = (await get('?key=pk_test')).headers.get('etag')!
      for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const res = await get('?key=pk_test', { 'if-none-match': header })
        expect(res.status).toBe(304)
        expect(res.headers.get('etag')).toBe(etag)
        expect(await res.text()).toBe('')
      }
      expect((await get('?key=pk_test', { 'if-none-match': '"stale"' })).status).toBe(200)
    })

    it.each([
      ['', 401],
      ['?key=pk_nobody', 401],
      ['?key=pk_%00', 401],
      ['?key=pk_revoked', 403],
      ['?key=pk_open', 404],
    ])('answers %s with %s', async (query, status) => {
      const res = await get(query)
      expect(res.status).toBe(status)
      expect(await readJson(res)).toMatchObject({ error: expect.any(String) })
    })
  })

  describe('CORS', () => {
    it('allows a listed origin, with headers the SDK can read', async () => {
      const res = await postBatch(testApp(db), makeBatch([makeEvent()]), {
        origin: 'https://app.example.com',
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
      expect(res.headers.get('vary')).toContain('Origin')
    })

    it('refuses an unlisted origin and stores nothing', async () => {
      const res = await postBatch(testApp(db), makeBatch([makeEvent()]), {
        origin: 'https://evil.example.net',
      })
      expect(res.status).toBe(403)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      expect(await countRows(db, 'events')).toBe(0)
    })

    it('adds CORS headers to errors so the SDK can see a 413 or 429', async () => {
      const app = testApp(db, { limits: { bodyBytes: 100 } })
      const res = await postBatch(app, makeBatch([makeEvent()]), {
        origin: 'https://app.example.com',
      })
      expect(res.status).toBe(413)
      expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    })

    it.each([
      ['https://app.example.com', 204],
      ['https://anything.example.org', 204], // pk_open allows any origin
    ])('answers a preflight from %s with %d', async (origin, status) => {
      const res = await testApp(db).request('/v1/batch', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      })
      expect(res.status).toBe(status)
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      expect(res.headers.get('access-control-allow-methods')).toContain('POST')
    })

    it('refuses a preflight when no live project allows the origin', async () => {
      await db.query(`update projects set revoked = true where key = 'pk_open'`)
      const res = await testApp(db).request('/v1/batch', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
      })
      expect(res.status).toBe(403)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
    })

    it('applies the project origin allow-list', async () => {
      const allowed = await get('?key=pk_test', { origin: 'https://app.example.com' })
      expect(allowed.status).toBe(200)
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
      const denied = await get('?key=pk_test', { origin: 'https://evil.example.net' })
      expect(denied.status).toBe(403)
      expect(denied.headers.get('access-control-allow-origin')).toBeNull()
    })

    // The browser hides a refusal without CORS headers from the page, which logs only "Failed
    // to fetch": a team that pasted the script tag into a page of its own saw that, and nothing
    // in the collector's terminal said that its page's origin was missing from `origins`.
    it('says once per origin in the log that the project does not list it', async () => {
      const lines: string[] = []
      const app = testApp(db, { log: (line) => lines.push(line) })
      const evil = { origin: 'https://evil.example.net' }
      for (let i = 0; i < 2; i++) {
        expect((await app.request('/v1/config?key=pk_test', { headers: evil })).status).toBe(403)
        expect((await postBatch(app, makeBatch([makeEvent()]), evil)).status).toBe(403)
      }
      const other = { origin: 'http://localhost:8000' }
      expect((await postBatch(app, makeBatch([makeEvent()]), other)).status).toBe(403)
      expect(lines).toEqual([
        expect.stringContaining('pk_test: refused origin "https://evil.example.net"'),
        expect.stringContaining('pk_test: refused origin "http://localhost:8000"'),
      ])
      expect(lines[0]).toContain('add it to the project\'s "origins" in the projects file')
    })

    // The config is public and cacheable (README: serve it through the CDN). A copy cached
    // from a request without Origin (curl, a server, a prefetch) and not marked Vary: Origin
    // is served by the CDN to browsers too, without Access-Control-Allow-Origin: the SDK's
    // config fetch then fails CORS on every page until the copy expires.
    it('varies the config on Origin when the request had none', async () => {
      const etag = (await get('?key=pk_test')).headers.get('etag')!
      for (const headers of [{}, { 'if-none-match': etag }] as Record<string, string>[]) {
        const res = await get('?key=pk_test', headers)
        expect(res.status).toBeLessThan(400)
        expect(res.headers.get('vary')).toContain('Origin')
      }
    })

    it('checks a preflight against the key in the query', async () => {
      const preflight = (origin: string) =>
        testApp(db).request('/v1/config?key=pk_test', {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'GET' },
        })
      expect((await preflight('https://app.example.com')).status).toBe(204)
      // pk_open allows any origin, but this preflight is for pk_test.
      const denied = await preflight('https://evil.example.net')
      expect(denied.status).toBe(403)
      expect(denied.headers.get('access-control-allow-origin')).toBeNull()
    })
  })
})
