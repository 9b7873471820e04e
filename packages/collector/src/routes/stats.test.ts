import { randomUUID } from 'node:crypto'
import { npsBucket, scoreCes, scoreCsat, scoreNps } from '@sonde/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { makeBatch, makeEvent, npsEvent } from '../test/fixtures'
import { postBatch, readJson, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

const readKey = 'rk_test_0123456789abcdef'

// 20 NPS answers over two weeks, on two devices and two plans, some with a "why?".
const npsScores = [10, 9, 9, 8, 7, 6, 3, 0, 10, 9, 5, 8, 10, 10, 2, 9, 7, 9, 10, 1]
const days = ['2026-11-02', '2026-11-03', '2026-11-09', '2026-11-10']
const device = (i: number) => (i % 3 === 0 ? 'mobile' : 'desktop')
const plan = (i: number) => (i % 2 === 0 ? 'pro' : 'free')

function seedEvents() {
  return npsScores.map((score, i) =>
    npsEvent(score, {
      at: `${days[i % days.length]}T12:00:00.000Z`,
      answers: [
        { questionId: 'score', value: score },
        ...(i % 4 === 0 ? [{ questionId: 'why', value: `reason ${i}` }] : []),
      ],
      context: {
        device: device(i),
        locale: 'en',
        user: { known: true, traits: { plan: plan(i), company: { size: i < 10 ? 'S' : 'L' } } },
      },
    }),
  )
}

describe.each(backends)('stats API on $name', (backend) => {
  const db = suiteDatabase(backend, 'once')
  // Seeded once: the tests only read, except the CSAT/CES one, which adds its own surveys.
  beforeAll(async () => {
    const res = await postBatch(testApp(db, { limits: { burst: 100 } }), makeBatch(seedEvents()))
    expect(res.status).toBe(200)
    await db.query(
      `insert into dropped_events (project, day, n) values ('pk_test', '2026-11-02', 5),
         ('pk_test', '2026-11-10', 7), ('pk_open', '2026-11-02', 100)`,
    )
  }, 60_000)

  async function stats(path: string, key = readKey) {
    const res = await testApp(db).request(path, { headers: { authorization: `Bearer ${key}` } })
    return { status: res.status, body: await readJson(res), headers: res.headers }
  }

  /** The late-night survey's stats over `range`; its response `responseId` is then taken out. */
  async function lateNight(range: string, responseId: string) {
    const { body } = await stats(
      `/v1/stats/late-night?key=pk_open&${range}`,
      'rk_open_0123456789abcdef',
    )
    await db.query(`delete from responses where response_id = $1`, [responseId])
    return body
  }

  it('scores NPS exactly as core does over the stored answers', async () => {
    const { status, body, headers } = await stats('/v1/stats/nps-q4?key=pk_test')
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toBe('no-store')
    expect(body.metric).toEqual({ kind: 'nps', scale: 10 })
    expect(body.score).toEqual({ kind: 'nps', ...scoreNps(npsScores) })
    expect(body.counts).toEqual({ responses: 20, answered: 20, completed: 20, dismissed: 0 })
    expect(body.distribution).toEqual(
      Array.from({ length: 11 }, (_, value) => ({
        value,
        count: npsScores.filter((score) => score === value).length,
      })),
    )
  })

  it('trends by day and by ISO week', async () => {
    const daily = (await stats('/v1/stats/nps-q4?key=pk_test')).body
    expect(daily.trend.map((point: { key: string }) => point.key)).toEqual(days)
    const first = npsScores.filter((_, i) => i % days.length === 0)
    expect(daily.trend[0]).toMatchObject({ n: first.length, value: scoreNps(first).score })
    const weekly = (await stats('/v1/stats/nps-q4?key=pk_test&interval=week')).body
    expect(weekly.trend).toEqual([
      expect.objectContaining({
        key: '2026-11-02',
        n: 10,
        score: { kind: 'nps', ...scoreNps(npsScores.filter((_, i) => i % 4 < 2)) },
      }),
      expect.objectContaining({ key: '2026-11-09', n: 10 }),
    ])
  })

  // Ninety days of a few answers a day, drawn by day, gave every point an interval most of the
  // scale wide: auto draws by day over a month or less (the range asked for, or else the days
  // answered), by week past it.
  it.each([
    ['', 'day'],
    ['&from=2026-11-01&to=2026-12-01', 'day'],
    ['&from=2026-11-01&to=2026-12-02', 'week'],
    ['&from=2026-09-01', 'week'],
  ])('trends by day or week as fits with interval=auto%s', async (range, interval) => {
    const { body } = await stats(`/v1/stats/nps-q4?key=pk_test&interval=auto${range}`)
    const explicit = (await stats(`/v1/stats/nps-q4?key=pk_test&interval=${interval}${range}`)).body
    expect(body.interval).toBe(interval)
    expect(body.trend).toEqual(explicit.trend)
  })

  it('filters by date range, a date alone covering its whole day', async () => {
    const { body } = await stats('/v1/stats/nps-q4?key=pk_test&from=2026-11-03&to=2026-11-09')
    const inRange = npsScores.filter((_, i) => i % 4 === 1 || i % 4 === 2)
    expect(body.score.n).toBe(inRange.length)
    expect(body.score.score).toBe(scoreNps(inRange).score)
  })

  it.each([
    ['device', (i: number) => device(i)],
    ['plan', (i: number) => plan(i)],
    ['user.traits.company.size', (i: number) => (i < 10 ? 'S' : 'L')],
  ])('segments by %s', async (segment, expectedKey) => {
    const { body } = await stats(`/v1/stats/nps-q4?key=pk_test&segment=${segment}`)
    expect(body.segment.name).toBe(segment)
    for (const row of body.segment.rows) {
      const scores = npsScores.filter((_, i) => expectedKey(i) === row.key)
      expect(row.n).toBe(scores.length)
      expect(row.score).toEqual({ kind: 'nps', ...scoreNps(scores) })
    }
    expect(body.segment.rows.reduce((sum: number, row: { n: number }) => sum + row.n, 0)).toBe(20)
  })

  // Looked up as columns by inheritance, these put Object.prototype's functions in the SQL: 503.
  it.each(['constructor', '__proto__', 'toString'])(
    'segments by a context key named like an object property (%s)',
    async (segment) => {
      const { status, body } = await stats(`/v1/stats/nps-q4?key=pk_test&segment=${segment}`)
      expect(status).toBe(200)
      expect(body.segment).toEqual({
        name: segment,
        rows: [expect.objectContaining({ key: null, n: 20 })],
        truncated: false,
      })
    },
  )

  it('lists verbatims with their bucket, newest first, filterable by bucket', async () => {
    const { body } = await stats('/v1/stats/nps-q4?key=pk_test')
    const expected = npsScores.flatMap((score, i) => (i % 4 === 0 ? [{ i, score }] : []))
    expect(body.verbatims).toHaveLength(expected.length)
    expect(body.verbatims[0]).toMatchObject({ questionId: 'why', device: expect.any(String) })
    for (const verbatim of body.verbatims) {
      const i = Number(verbatim.text.split(' ')[1])
      expect(verbatim.score).toBe(npsScores[i])
      expect(verbatim.bucket).toBe(npsBucket(npsScores[i]))
    }
    const detractors = (await stats('/v1/stats/nps-q4?key=pk_test&bucket=detractor')).body
    expect(detractors.verbatims.every((v: { bucket: string }) => v.bucket === 'detractor')).toBe(
      true,
    )
    expect(detractors.verbatims.length).toBe(expected.filter(({ score }) => score <= 6).length)
  })

  // Counted per UTC day of receipt: a range counts every day it touches.
  it.each([
    ['', 12],
    ['&from=2026-11-02&to=2026-11-02', 5],
    ['&from=2026-11-03&to=2026-11-09', 0],
    ['&from=2026-11-10T12:00:00Z', 7],
    ['&to=2026-11-02T00:00:01Z', 5],
    ['&to=2026-11-02T00:00:00Z', 0],
  ])('reports the events lost on devices in the range (%s)', async (range, dropped) => {
    for (const survey of ['nps-q4', 'ces-export']) {
      expect((await stats(`/v1/stats/${survey}?key=pk_test${range}`)).body.dropped).toBe(dropped)
    }
  })

  it('scores CSAT and CES with core, answers without metric scored from the config', async () => {
    const csat = [5, 4, 4, 3, 1, 5]
    const ces = [7, 6, 2, 5, 4]
    const events = [
      ...csat.map((value) =>
        makeEvent({
          surveyId: 'csat-ticket',
          answers: [{ questionId: 'csat', value }],
          metric: undefined,
        }),
      ),
      ...ces.map((value) =>
        makeEvent({
          surveyId: 'ces-export',
          answers: [
            { questionId: 'effort', value },
            { questionId: 'blocker', value: 'format', other: value < 5 ? 'too slow' : '' },
          ],
          metric: { kind: 'ces', score: value, scale: 7, agree: value >= 5 },
        }),
      ),
    ]
    await postBatch(testApp(db), makeBatch(events))
    const csatStats = (await stats('/v1/stats/csat-ticket?key=pk_test')).body
    expect(csatStats.score).toEqual({ kind: 'csat', scale: 5, ...scoreCsat(csat, 5) })
    const cesStats = (await stats('/v1/stats/ces-export?key=pk_test')).body
    expect(cesStats.score).toEqual({ kind: 'ces', scale: 7, ...scoreCes(ces, 7) })
    expect(cesStats.trend[0]).toMatchObject({ value: scoreCes(ces, 7).mean })
    // The choice id is no verbatim; the "other" text is.
    expect(cesStats.verbatims.map((v: { text: string }) => v.text)).toEqual([
      'too slow',
      'too slow',
    ])
  })

  it('lists the project surveys', async () => {
    const { status, body } = await stats('/v1/stats?key=pk_test')
    expect(status).toBe(200)
    expect(body.surveys).toEqual([
      expect.objectContaining({ surveyId: 'nps-q4', kind: 'nps', responses: 20, answered: 20 }),
      expect.objectContaining({ surveyId: 'csat-ticket', kind: 'csat' }),
      expect.objectContaining({ surveyId: 'ces-export', kind: 'ces' }),
    ])
  })

  it.each([
    ['no read key', '/v1/stats/nps-q4?key=pk_test', ''],
    ['a wrong read key', '/v1/stats/nps-q4?key=pk_test', 'rk_open_0123456789abcdef'],
    ['an unknown key', '/v1/stats/nps-q4?key=pk_nobody', readKey],
    ['no key', '/v1/stats/nps-q4', readKey],
  ])('answers 401 to %s', async (_, path, key) => {
    const { status, headers } = await stats(path, key)
    expect(status).toBe(401)
    expect(headers.get('www-authenticate')).toContain('Bearer')
  })

  it.each([
    ['interval=month', 'interval'],
    ['from=yesterday', 'from'],
    ['segment=drop%20table', 'segment'],
    ['verbatims=5000', 'verbatims'],
  ])('answers 400 naming the parameter for %s', async (query, path) => {
    const { status, body } = await stats(`/v1/stats/nps-q4?key=pk_test&${query}`)
    expect(status).toBe(400)
    expect(body.errors).toEqual([{ path, message: expect.any(String) }])
  })

  // The config holds only the survey's current version: a text question asked in an earlier
  // one is in no list of text questions, and its answers vanished from the dashboard.
  it('lists verbatims of text questions an earlier version of the survey asked', async () => {
    const event = makeEvent({
      surveyId: 'csat-ticket',
      surveyVersion: 0,
      answers: [{ questionId: 'comment', value: 'The old form asked this' }],
      metric: undefined,
    })
    await postBatch(testApp(db), makeBatch([event]))
    const { body } = await stats('/v1/stats/csat-ticket?key=pk_test')
    expect(body.verbatims).toEqual([
      expect.objectContaining({ questionId: 'comment', text: 'The old form asked this' }),
    ])
  })

  // A survey gone from the config is scored on the scale its answers carry: one absurd scale
  // made every stats request for it fail (503) or allocate gigabytes.
  it('keeps a survey readable when a batch claims a metric on an impossible scale', async () => {
    const event = makeEvent({
      surveyId: 'retired',
      answers: [{ questionId: 'effort', value: 1 }],
      metric: { kind: 'ces', score: 1, scale: 2 ** 40, agree: false },
    })
    const reply = await readJson(
      await postBatch(testApp(db), makeBatch([event], { key: 'pk_open' })),
    )
    expect(reply.rejected).toEqual([{ id: event.id, reason: expect.stringContaining('scale') }])
    const res = await stats('/v1/stats/retired?key=pk_open', 'rk_open_0123456789abcdef')
    expect(res.status).toBe(404)
  })

  // Answered at 23:59, dismissed two minutes later: the day of the answer must count it as
  // answered, as its score does, or the dashboard says "0 answered" above an n of 1.
  it.each([
    ['from=2026-11-20&to=2026-11-20', 1],
    ['from=2026-11-20T12:00:00Z&to=2026-11-20T23:59:30Z', 1],
    ['from=2026-11-21&to=2026-11-21', 0],
    ['from=2026-11-21T00:00:30Z&to=2026-11-21T12:00:00Z', 0],
    ['from=2026-11-20&to=2026-11-21', 1],
  ])(
    'counts a response as answered in the range its score is counted in (%s)',
    async (range, n) => {
      const responseId = randomUUID()
      const answered = npsEvent(9, {
        type: 'survey.answered',
        seq: 1,
        surveyId: 'late-night',
        responseId,
        at: '2026-11-20T23:59:00.000Z',
      })
      const dismissed = makeEvent({
        type: 'survey.dismissed',
        seq: 2,
        surveyId: 'late-night',
        responseId,
        at: '2026-11-21T00:01:00.000Z',
        answers: [],
      })
      delete dismissed.metric
      await postBatch(testApp(db), makeBatch([answered, dismissed], { key: 'pk_open' }))
      const body = await lateNight(range, responseId)
      expect(body.score.n).toBe(n)
      expect(body.counts).toEqual({ responses: n, answered: n, completed: 0, dismissed: n })
    },
  )

  // The SDK's dismissal carries the answers given so far, and their metric, so the same score came
  // again at 00:01 and moved the response to that day: a 9 given on the 20th counted on the 21st.
  // A later event that only repeats the answers is no answering; in whichever order they arrive.
  it.each([
    ['in one batch', 'one', 'from=2026-11-20&to=2026-11-20', 1],
    ['in one batch', 'one', 'from=2026-11-21&to=2026-11-21', 0],
    ['dismissal first', 'reversed', 'from=2026-11-20&to=2026-11-20', 1],
    ['dismissal first', 'reversed', 'from=2026-11-21&to=2026-11-21', 0],
    ['answer first', 'inOrder', 'from=2026-11-20&to=2026-11-20', 1],
    ['answer first', 'inOrder', 'from=2026-11-21&to=2026-11-21', 0],
  ])(
    'counts a score on the day it was given, not of a dismissal repeating it (%s, %s, %s)',
    async (_, delivery, range, n) => {
      const responseId = randomUUID()
      const given = { surveyId: 'late-night', responseId }
      const answered = npsEvent(9, { ...given, type: 'survey.answered', seq: 1 })
      const dismissed = npsEvent(9, { ...given, type: 'survey.dismissed', seq: 2 })
      answered.at = '2026-11-20T23:59:00.000Z'
      dismissed.at = '2026-11-21T00:01:00.000Z'
      const app = testApp(db)
      const send = (events: unknown[]) => postBatch(app, makeBatch(events, { key: 'pk_open' }))
      if (delivery === 'one') await send([dismissed, answered])
      else if (delivery === 'reversed') await send([dismissed]).then(() => send([answered]))
      else await send([answered]).then(() => send([dismissed]))
      const body = await lateNight(range, responseId)
      expect(body.score.n).toBe(n)
      expect(body.counts).toEqual({ responses: n, answered: n, completed: 0, dismissed: n })
    },
  )

  it('answers 404 for a survey neither configured nor answered', async () => {
    expect((await stats('/v1/stats/nope?key=pk_test')).status).toBe(404)
  })

  // Found by the fuzz: these reached PostgreSQL, which refused the query (400, "could not store").
  it('finds nothing for a survey id or bucket with a NUL, instead of failing the query', async () => {
    expect((await stats('/v1/stats/nps-q4%00?key=pk_test')).status).toBe(404)
    const { status, body } = await stats('/v1/stats/nps-q4?key=pk_test&bucket=promoter%00')
    expect(status).toBe(200)
    expect(body.verbatims).toEqual([])
  })
})
