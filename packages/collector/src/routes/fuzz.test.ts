import { randomUUID } from 'node:crypto'
import { batchReplySchema, parse } from '@sonde/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sanitizeJson } from '../ingest/sanitizeJson'
import { backends } from '../test/backends'
import { makeBatch, makeEvent } from '../test/fixtures'
import { countRows, postBatch, readJson, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

const runs = 120

// Any string at all: lone surrogates, NUL and other control characters included.
const anyText = fc.string({ unit: 'binary', maxLength: 40 })
const anyJson = fc.jsonValue({ maxDepth: 4 })
/** Mostly `valid`, sometimes anything JSON can hold: a batch then fails its schema as a whole. */
// (Unbiased: fast-check otherwise favours the first, "smallest" choices in early runs.)
const sometimes = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc
    .tuple(fc.noBias(fc.integer({ min: 0, max: 39 })), valid, anyJson)
    .map(([dice, value, json]) => (dice === 0 ? json : value))
// Some times before 1970 or with offsets, which the schema accepts and the semantic check may not.
const times = fc
  .date({ min: new Date('1960-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString())

const eventArb = fc
  .record({
    // Now and then no usable id: such an event cannot be refused alone, the batch is.
    id: fc.oneof({ arbitrary: fc.constant('fresh'), weight: 12 }, anyJson),
    type: sometimes(fc.constantFrom('survey.shown', 'survey.answered', 'survey.completed')),
    at: sometimes(times),
    surveyId: sometimes(fc.constantFrom('nps-q4', 'csat-ticket', 'other')),
    responseId: sometimes(fc.oneof(fc.uuid(), anyText)),
    seq: sometimes(fc.integer({ min: 0, max: 5 })),
    answers: sometimes(
      fc.array(
        fc.record({
          questionId: fc.constantFrom('score', 'csat', 'why'),
          value: fc.oneof(fc.integer({ min: -2, max: 12 }), anyText, fc.array(anyText)),
        }),
        { maxLength: 3 },
      ),
    ),
    metric: fc.option(
      sometimes(
        fc.integer({ min: 0, max: 10 }).map((score) => ({
          kind: 'nps',
          score,
          bucket: score > 8 ? 'promoter' : 'passive',
        })),
      ),
      { nil: undefined },
    ),
    context: sometimes(
      fc.record({ locale: anyText, custom: fc.dictionary(anyText, anyJson, { maxKeys: 3 }) }),
    ),
  })
  .map((fields) => ({
    ...makeEvent(),
    ...fields,
    id: fields.id === 'fresh' ? randomUUID() : fields.id,
  }))

/** What a request carries besides its body and content type. */
interface RequestParts {
  headers?: Record<string, string>
  query?: string
}

const deep = (depth: number): unknown => (depth === 0 ? 'x' : [deep(depth - 1)])
/** Wrong for almost any field: a wrong type, the edge of a range, text a database chokes on. */
const hostile = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, 2 ** 53, -1e308, 1e308, '', ' ', [], {}, '9', 'null'),
  fc.constantFrom('2026-13-45T00:00:00Z', '0001-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z'),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '\u202e<b>', '\ufeff', 'é🙂'),
  // Huge strings, within the 20 KB body limit and past it.
  fc
    .tuple(fc.constantFrom(1_000, 5_000, 30_000), fc.constantFrom('x', 'é', '🙂', '\u0000'))
    .map(([n, c]) => c.repeat(n)),
  // Keys that pollute a prototype when code merges objects carelessly.
  fc.constant(JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"p":1}}}')),
  fc.nat(200).map(deep),
  anyJson,
)

/** Replaces (or, with `undefined`, deletes) the value at the path `steps` picks, index by index. */
function mutate(input: unknown, steps: number[], value: unknown): unknown {
  const root = structuredClone(input)
  let node = root as Record<string, unknown>
  for (const [depth, step] of steps.entries()) {
    const keys = Object.keys(node)
    const key = keys[step % keys.length]
    if (key === undefined) break
    const child = node[key]
    if (depth === steps.length - 1 || typeof child !== 'object' || child === null) {
      node[key] = value
      break
    }
    node = child as Record<string, unknown>
  }
  return root
}

// Valid events of each kind the SDK sends, so that an unmutated batch is accepted whole.
const validEvent = fc.constantFrom(
  () => makeEvent(),
  () =>
    makeEvent({
      surveyId: 'csat-ticket',
      answers: [{ questionId: 'csat', value: 4 }],
      metric: undefined,
    }),
  () => makeEvent({ type: 'survey.shown', seq: 0, answers: [], metric: undefined }),
  () =>
    makeEvent({
      type: 'tour.started',
      surveyId: undefined,
      tourId: 'welcome',
      answers: [],
      metric: undefined,
    }),
)
const contentTypes = ['text/plain;charset=UTF-8', 'application/json']
const nearValid = fc.record({
  events: fc.array(validEvent, { minLength: 1, maxLength: 3 }),
  // One thing wrong in the body, in two requests of three.
  mutation: fc.option(
    fc.tuple(
      fc.array(fc.nat(40), { minLength: 1, maxLength: 6 }),
      fc.option(hostile, { nil: undefined }),
    ),
    { freq: 2, nil: null },
  ),
  contentType: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...contentTypes) },
    fc.constantFrom('TEXT/PLAIN', ' application/json; charset=utf-8', 'text/html', ''),
    fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'),
    fc.constantFrom('application/jsonx', 'text/plain, application/json'),
  ),
  key: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('pk_test', 'pk_open') },
    fc.constantFrom(
      'pk_revoked',
      'pk_nobody',
      'PK_TEST',
      'pk_test ',
      'pk_\u0000',
      'k'.repeat(3_000),
    ),
  ),
  origin: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(undefined, 'https://app.example.com') },
    fc.constantFrom('https://evil.example', 'https://app.example.com.evil.example', 'null'),
    fc.constantFrom('http://[', 'HTTPS://APP.EXAMPLE.COM:443', '*', 'x'.repeat(3_000)),
  ),
  // The key may also come in the query string; the body's wins.
  query: fc.constantFrom(
    '',
    '',
    '',
    '?key=pk_test',
    '?key=pk_revoked',
    '?key=%00',
    '?key=%E0%A4%A',
  ),
})

// Any request to any route: the read routes' parameters, odd methods, paths and headers.
const pick = <T>(...values: T[]) => fc.constantFrom(...values)
const anyRequest = fc.record({
  // Mostly reads with the right keys, so the routes get past their checks as often as not.
  method: fc.oneof(
    { weight: 6, arbitrary: fc.constant('GET') },
    pick('POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD'),
  ),
  key: fc.oneof(
    { weight: 4, arbitrary: fc.constant('key=pk_test') },
    pick('key=pk_revoked', 'key=%00', 'key=', undefined),
  ),
  path: pick(
    '/v1/batch',
    '/v1/config',
    '/v1/stats',
    '/v1/stats/nps-q4',
    '/v1/stats/csat-ticket',
    '/v1/stats/%00',
    '/v1/stats/%E0%A4%A',
    `/v1/stats/${'x'.repeat(3_000)}`,
    '/dashboard/',
    '/dashboard/app.js',
    '/dashboard/..%2Fapp.ts',
    '/healthz',
    '/nope',
    '//v1/batch',
  ),
  query: fc.uniqueArray(
    pick(
      ...['from=2026-11-01', 'from=9999-99-99', 'from=-1', 'to=2026-11-30T00:00:00Z', 'to=%00'],
      ...['interval=week', 'interval=%00', 'segment=device', 'segment=user.traits.plan'],
      ...['segment=a.b.c.d.e.f.g.h.i', 'segment=%00', 'bucket=promoter', 'bucket=%00'],
      ...['verbatims=0', 'verbatims=1000', 'verbatims=-1', 'verbatims=99999999999999999999'],
    ),
    { maxLength: 3 },
  ),
  authorization: pick(
    'Bearer rk_test_0123456789abcdef',
    'Bearer rk_test_0123456789abcdef',
    'Bearer rk_test_0123456789abcdef',
    'bearer  rk_test_0123456789abcdef ',
    'Bearer ',
    'Basic eA==',
    `Bearer ${'a'.repeat(5_000)}`,
    undefined,
  ),
  origin: pick(undefined, 'https://app.example.com', 'https://evil.example', 'null', 'http://['),
  ifNoneMatch: pick(undefined, '*', '"x"', 'W/"x", "y"', ','),
  contentType: pick('text/plain', 'application/json', 'text/html', undefined),
  body: anyText,
})

type NearValid = typeof nearValid extends fc.Arbitrary<infer R> ? R : never
const nearBatch = (change: Partial<NearValid>): NearValid => ({
  events: [() => makeEvent()],
  mutation: null,
  contentType: 'application/json',
  key: 'pk_test',
  origin: undefined,
  query: '',
  ...change,
})
type AnyRequest = typeof anyRequest extends fc.Arbitrary<infer R> ? R : never
const goodRead = (path: string): AnyRequest => ({
  method: 'GET',
  key: 'key=pk_test',
  path,
  query: [],
  authorization: 'Bearer rk_test_0123456789abcdef',
  origin: undefined,
  ifNoneMatch: undefined,
  contentType: undefined,
  body: '',
})

describe.each(backends)('fuzzed requests to the collector on $name', (backend) => {
  const db = suiteDatabase(backend)

  const seen = { accepted: 0, rejected: 0, refused: 0 }

  // Every reply is a 2xx or 4xx. A refused request stores nothing, in either table; a 200 stores
  // exactly the events it accepted (ids are fresh in every run, so none was stored before) and
  // none of those it rejected.
  async function check(body: string, contentType = 'text/plain'): Promise<void> {
    await send(body, contentType)
  }

  async function send(body: string, contentType: string, request: RequestParts = {}) {
    const app = testApp(db, { limits: { burst: 1_000_000, bodyBytes: 20_000 } })
    const before = await counts()
    const res = await postBatch(
      app,
      body,
      { 'content-type': contentType, ...request.headers },
      request.query,
    )
    expect(res.status).toBeGreaterThanOrEqual(200)
    expect(res.status).toBeLessThan(500)
    const after = await counts()
    if (res.status !== 200) {
      seen.refused++
      expect(after).toEqual(before)
      expect(await readJson(res)).toMatchObject({ error: expect.any(String) })
      return { status: res.status, accepted: [], rejected: [] }
    }
    const reply = parse(batchReplySchema, await readJson(res))
    if (!reply.ok) throw new Error(JSON.stringify(reply.errors))
    const { accepted, rejected } = reply.value
    expect(after.events - before.events).toBe(accepted.length)
    // A response row per response, and only for what was stored.
    expect(after.responses - before.responses).toBeLessThanOrEqual(accepted.length)
    expect(await storedOf(accepted)).toEqual(accepted.length)
    expect(await storedOf(rejected.map((r) => r.id))).toBe(0)
    seen.accepted += accepted.length
    seen.rejected += rejected.length
    return { status: res.status, accepted, rejected }
  }

  async function counts() {
    return { events: await countRows(db, 'events'), responses: await countRows(db, 'responses') }
  }

  // The ids as stored: the reply names events by the ids they were sent with.
  async function storedOf(ids: string[]): Promise<number> {
    const clean = sanitizeJson(ids)
    if (!clean.ok) throw new Error(clean.reason)
    const [row] = await db.query<{ n: number }>(
      'select count(*)::int as n from events where id = any($1)',
      [clean.value],
    )
    return row?.n ?? 0
  }

  it('never fails on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, fc.json()), (body) => check(body)),
      { numRuns: runs },
    )
  })

  it('never fails on arbitrary JSON in place of a batch or of its fields', async () => {
    const envelope = fc.record({
      schema: sometimes(fc.constant('sonde.batch/1')),
      key: sometimes(fc.constantFrom('pk_test', 'pk_open', 'pk_revoked', 'pk_nobody')),
      sentAt: sometimes(fc.constant('2026-11-02T10:00:00Z')),
      dropped: sometimes(fc.nat()),
    })
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, envelope), (fields) =>
        check(
          JSON.stringify(
            typeof fields === 'object' && fields !== null && !Array.isArray(fields)
              ? makeBatch([makeEvent()], fields)
              : fields,
          ),
        ),
      ),
      { numRuns: runs },
    )
  })

  it('refuses near-valid requests with one thing wrong, storing nothing, never failing', async () => {
    Object.assign(seen, { accepted: 0, rejected: 0, refused: 0 })
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(nearValid, async (r) => {
        const events = r.events.map((make) => make())
        const intact = makeBatch(events, { key: r.key })
        const batch = r.mutation ? mutate(intact, r.mutation[0], r.mutation[1]) : intact
        const headers: Record<string, string> = r.origin === undefined ? {} : { origin: r.origin }
        const reply = await send(JSON.stringify(batch), r.contentType, { headers, query: r.query })
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1)
        // What the route promises for the parts of a request this generator gets wrong.
        const type = r.contentType.split(';')[0]?.trim().toLowerCase() ?? ''
        if (!['text/plain', 'application/json'].includes(type)) expect(reply.status).toBe(415)
        if (r.mutation !== null || !contentTypes.includes(r.contentType)) return
        // The upper-case one with its default port is the same origin, canonically.
        const allowed = [
          undefined,
          'https://app.example.com',
          'HTTPS://APP.EXAMPLE.COM:443',
        ].includes(r.origin)
        if (r.key === 'pk_test' || r.key === 'pk_open') {
          if (allowed || r.key === 'pk_open') {
            expect(reply).toEqual({ status: 200, accepted: events.map((e) => e.id), rejected: [] })
          } else expect(reply.status).toBe(403)
        } else if (r.key === 'pk_revoked') expect(reply.status).toBe(403)
        else expect(reply.status).toBe(401)
      }),
      // The rarest refusals run every time, whatever the seed draws: too large, wrong type,
      // malformed.
      {
        numRuns: runs * 2,
        examples: [
          [nearBatch({ mutation: [[0], 'x'.repeat(30_000)] })],
          [nearBatch({ contentType: 'text/html' })],
          [nearBatch({ mutation: [[0], null] })],
        ],
      },
    )
    // Both sides of every check were reached: stored batches and each kind of refusal.
    expect(seen.accepted).toBeGreaterThan(40)
    for (const status of [200, 400, 401, 403, 413, 415]) {
      expect(statuses.get(status), `replies with status ${status}`).toBeGreaterThan(0)
    }
  })

  it('answers any request to any route with a 2xx, 3xx or 4xx, and stores nothing', async () => {
    const app = testApp(db, { limits: { burst: 1_000_000 } })
    // Something for the stats to compute over.
    expect((await postBatch(app, makeBatch([makeEvent(), makeEvent()]))).status).toBe(200)
    const before = await counts()
    const ok = { stats: 0, config: 0 }
    await fc.assert(
      fc.asyncProperty(anyRequest, async (r) => {
        const headers: Record<string, string> = {}
        if (r.authorization !== undefined) headers.authorization = r.authorization
        if (r.origin !== undefined) headers.origin = r.origin
        if (r.ifNoneMatch !== undefined) headers['if-none-match'] = r.ifNoneMatch
        if (r.contentType !== undefined) headers['content-type'] = r.contentType
        const withBody = !['GET', 'HEAD'].includes(r.method)
        const params = r.key === undefined ? r.query : [r.key, ...r.query]
        const query = params.length > 0 ? `?${params.join('&')}` : ''
        const res = await app.request(`${r.path}${query}`, {
          method: r.method,
          headers,
          ...(withBody ? { body: r.body } : {}),
        })
        const text = await res.text()
        expect(res.status, `${r.method} ${r.path}${query}`).toBeGreaterThanOrEqual(200)
        expect(res.status, `${r.method} ${r.path}${query}`).toBeLessThan(500)
        // Only a write can fail for what it asked to store; a read with odd text finds nothing.
        if (r.method !== 'POST') expect(text).not.toContain('could not store')
        if (res.status === 200 && r.method === 'GET' && r.path.startsWith('/v1/stats')) ok.stats++
        if (res.status === 200 && r.method === 'GET' && r.path === '/v1/config') ok.config++
      }),
      // A good read of each route runs every time, whatever the seed draws: the random ones
      // then vary what surrounds them.
      { numRuns: runs * 2, examples: [[goodRead('/v1/config')], [goodRead('/v1/stats/nps-q4')]] },
    )
    expect(await counts()).toEqual(before)
    // The stats and config routes were reached past their checks, not only refused.
    expect(ok.stats).toBeGreaterThan(0)
    expect(ok.config).toBeGreaterThan(0)
  })

  it('stores exactly the accepted events of batches with odd events', async () => {
    Object.assign(seen, { accepted: 0, rejected: 0, refused: 0 })
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { minLength: 1, maxLength: 8 }), (events) =>
        check(JSON.stringify(makeBatch(events)), 'application/json'),
      ),
      { numRuns: runs },
    )
    // The generator really exercises all three outcomes, not just 400s.
    expect(seen.accepted).toBeGreaterThan(20)
    expect(seen.rejected).toBeGreaterThan(10)
    expect(seen.refused).toBeGreaterThan(10)
  })
})
