import { randomBytes, randomUUID } from 'node:crypto'
import { batchReplySchema, parse, type SondeEvent } from '@sonde/core'
import { describe, expect, it } from 'vitest'
import { exportResponses } from '../export/exportResponses'
import { backends } from '../test/backends'
import { makeBatch, makeEvent, npsEvent } from '../test/fixtures'
import { countRows, postBatch, readJson, resetDatabase, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

describe.each(backends)('POST /v1/batch on $name', (backend) => {
  const db = suiteDatabase(backend)

  // A body that arrives as a stream, as a client's upload does.
  const postStream = (app: ReturnType<typeof testApp>, body: ReadableStream) =>
    app.request('/v1/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
      duplex: 'half',
    } as RequestInit)

  async function responseRow(responseId: string) {
    const [row] = await db.query<Record<string, unknown>>(
      'select * from responses where response_id = $1',
      [responseId],
    )
    return row
  }

  it('stores a valid batch and replies with every id accepted', async () => {
    const events = [makeEvent(), makeEvent({ surveyId: 'csat-ticket', metric: undefined })]
    const res = await postBatch(testApp(db), makeBatch(events))
    expect(res.status).toBe(200)
    const reply = parse(batchReplySchema, await readJson(res))
    expect(reply).toEqual({ ok: true, value: { accepted: events.map((e) => e.id), rejected: [] } })
    expect(await countRows(db, 'events')).toBe(2)
    const row = await responseRow(events[0]!.responseId!)
    expect(row).toMatchObject({
      project: 'pk_test',
      survey_id: 'nps-q4',
      status: 'completed',
      metric_kind: 'nps',
      score: 9,
      bucket: 'promoter',
      locale: 'fr-FR',
      device: 'desktop',
      path: '/reports',
      app_version: '2.3.1',
      plan: 'pro',
      known: true,
    })
    expect(row?.answers).toEqual([{ questionId: 'score', value: 9 }])
  })

  it('stores an event whose id another project already used', async () => {
    const app = testApp(db)
    const id = randomUUID()
    const other = makeBatch([makeEvent({ id, surveyId: 'elsewhere' })], { key: 'pk_open' })
    expect((await postBatch(app, other)).status).toBe(200)
    const res = await postBatch(app, makeBatch([npsEvent(3, { id })]))
    expect((await readJson(res)).accepted).toEqual([id])
    const rows = await db.query<{ project: string }>(
      'select project from events where id = $1 order by project',
      [id],
    )
    expect(rows.map((row) => row.project)).toEqual(['pk_open', 'pk_test'])
  })

  // The SDK takes a count off its own once a batch is answered, whatever happened to its events;
  // a refused batch carries the count again later.
  it('adds the dropped count of every batch it answers, and of no batch it refuses', async () => {
    const app = testApp(db)
    const tour = makeEvent({ type: 'tour.started', tourId: 'welcome', responseId: undefined })
    const unstorable = makeEvent({ responseId: undefined })
    const batches = [
      [200, makeBatch([npsEvent(9)], { dropped: 17 })],
      [200, makeBatch([tour], { dropped: 2 })],
      [200, makeBatch([unstorable], { dropped: 3 })],
      [200, makeBatch([npsEvent(9)])],
      [200, makeBatch([npsEvent(9)], { key: 'pk_open', dropped: 1 })],
      [400, makeBatch([npsEvent(9)], { dropped: 100, sentAt: 'yesterday' })],
      [403, makeBatch([npsEvent(9)], { key: 'pk_revoked', dropped: 100 })],
    ] as const
    for (const [status, batch] of batches) expect((await postBatch(app, batch)).status).toBe(status)
    const rows = await db.query('select project, day::text, n::int from dropped_events order by 1')
    const day = new Date().toISOString().slice(0, 10)
    expect(rows).toEqual([
      { project: 'pk_open', day, n: 1 },
      { project: 'pk_test', day, n: 22 },
    ])
  })

  // `dropped` may be any safe integer: about a thousand batches claiming 2^53 take the day's
  // bigint past its range, and every later batch that reported drops was then refused (400)
  // with its events, which the SDK does not send again.
  it("stores a batch's events however large the day's dropped count has grown", async () => {
    const app = testApp(db, { limits: { droppedPerNetworkPerDay: Number.MAX_SAFE_INTEGER * 3 } })
    const huge = Number.MAX_SAFE_INTEGER
    await postBatch(app, makeBatch([npsEvent(9)], { dropped: huge }))
    await db.query(`update dropped_events set n = 9223372036854775807 - $1::bigint`, [huge - 1])
    for (const dropped of [huge, 1]) {
      const event = npsEvent(9)
      const res = await postBatch(app, makeBatch([event], { dropped }))
      expect(res.status).toBe(200)
      expect((await readJson(res)).accepted).toEqual([event.id])
    }
    expect(await countRows(db, 'events')).toBe(3)
    const [row] = await db.query<{ n: string }>('select n::text from dropped_events')
    expect(row?.n).toBe('9223372036854775807')
  })

  it('accepts application/json as well as text/plain', async () => {
    const res = await postBatch(testApp(db), makeBatch([makeEvent()]), {
      'content-type': 'application/json',
    })
    expect(res.status).toBe(200)
    expect(await countRows(db, 'events')).toBe(1)
  })

  it('stores nothing twice when the same batch comes again', async () => {
    const app = testApp(db)
    const batch = makeBatch([makeEvent(), makeEvent()])
    const first = await readJson(await postBatch(app, batch))
    const second = await readJson(await postBatch(app, batch))
    expect(second).toEqual(first)
    expect(await countRows(db, 'events')).toBe(2)
    expect(await countRows(db, 'responses')).toBe(2)
  })

  it('keeps exactly one row under concurrent duplicate posts', async () => {
    const app = testApp(db, { limits: { burst: 100 } })
    const responseId = randomUUID()
    const events = [
      makeEvent({ type: 'survey.shown', responseId, seq: 0, answers: [], metric: undefined }),
      makeEvent({ type: 'survey.answered', responseId, seq: 1, metric: undefined }),
      makeEvent({ responseId, seq: 2 }),
      makeEvent(),
      makeEvent(),
    ]
    // The same events in a different order in each post: rows must still lock in one order.
    const batches = Array.from({ length: 12 }, (_, i) =>
      makeBatch(events.map((_, j) => events[(i + j) % events.length]!)),
    )
    const replies = await Promise.all(batches.map((batch) => postBatch(app, batch)))
    expect(replies.map((res) => res.status)).toEqual(Array(12).fill(200))
    expect(await countRows(db, 'events')).toBe(5)
    expect(await countRows(db, 'responses')).toBe(3)
    const row = await responseRow(responseId)
    expect(row).toMatchObject({ status: 'completed', event_id: events[2]!.id })
    expect(Number(row?.seq)).toBe(2)
  })

  it.each([
    ['in order', [0, 1, 2]],
    ['reversed', [2, 1, 0]],
    ['shuffled', [1, 2, 0]],
  ])('keeps the highest seq per response whatever the arrival order (%s)', async (_, order) => {
    const app = testApp(db)
    const responseId = randomUUID()
    const events = [
      makeEvent({ type: 'survey.shown', responseId, seq: 0, answers: [], metric: undefined }),
      makeEvent({
        type: 'survey.answered',
        responseId,
        seq: 1,
        answers: [{ questionId: 'score', value: 3 }],
        metric: undefined,
      }),
      makeEvent({
        type: 'survey.completed',
        responseId,
        seq: 2,
        answers: [
          { questionId: 'score', value: 3 },
          { questionId: 'why', value: 'Too slow' },
        ],
        metric: { kind: 'nps', score: 3, bucket: 'detractor' },
      }),
    ]
    for (const i of order) expect((await postBatch(app, makeBatch([events[i]!]))).status).toBe(200)
    const row = await responseRow(responseId)
    expect(row).toMatchObject({ status: 'completed', score: 3, bucket: 'detractor' })
    expect(Number(row?.seq)).toBe(2)
    expect(row?.answers).toEqual(events[2]!.answers)
    expect(await countRows(db, 'responses')).toBe(1)
  })

  it('keeps answers when a later event of the response carries none', async () => {
    const app = testApp(db)
    const responseId = randomUUID()
    const answered = makeEvent({ type: 'survey.answered', responseId, seq: 1, metric: undefined })
    const dismissed = makeEvent({ type: 'survey.dismissed', responseId, seq: 2, answers: [] })
    delete dismissed.metric
    // Both orders, and both in one batch, end with the dismissal's status and the answer's score.
    for (const batches of [[[dismissed], [answered]], [[answered, dismissed]]]) {
      await resetDatabase(db)
      for (const events of batches) await postBatch(app, makeBatch(events))
      expect(await responseRow(responseId)).toMatchObject({
        status: 'dismissed',
        score: 9,
        bucket: 'promoter',
      })
    }
  })

  // A tie of seq is broken by event id: in JS within a batch, in SQL (collate "C") across
  // batches. U+E000 sorts before U+1F600 by code point (UTF-8 bytes) but after it by UTF-16
  // code units, so both must compare by code point for the row not to depend on the batching.
  it('keeps the same event of a response however its events were batched', async () => {
    const app = testApp(db, { limits: { burst: 100 } })
    const pair = (responseId: string) => [
      makeEvent({ id: `evt-\uE000-${randomUUID()}`, responseId, seq: 2 }),
      makeEvent({
        id: `evt-\u{1F600}-${randomUUID()}`,
        type: 'survey.dismissed',
        responseId,
        seq: 2,
      }),
    ]
    const together = pair(randomUUID())
    const apart = pair(randomUUID())
    for (const events of [together, [apart[0]], [apart[1]]]) {
      expect((await postBatch(app, makeBatch(events))).status).toBe(200)
    }
    for (const [, later] of [together, apart]) {
      expect(await responseRow(later!.responseId!)).toMatchObject({
        status: 'dismissed',
        event_id: later!.id,
      })
    }
  })

  it('scores an answer without a metric from the survey in the config', async () => {
    const event = makeEvent({
      surveyId: 'csat-ticket',
      answers: [{ questionId: 'csat', value: 4 }],
      metric: undefined,
    })
    await postBatch(testApp(db), makeBatch([event]))
    expect(await responseRow(event.responseId!)).toMatchObject({
      metric_kind: 'csat',
      score: 4,
      scale: 5,
      bucket: 'satisfied',
    })
  })

  it('rejects single events for semantic reasons and stores the rest', async () => {
    const good = makeEvent()
    const noResponse = makeEvent({ responseId: undefined })
    const badMetric = makeEvent({ metric: { kind: 'nps', score: 9, bucket: 'detractor' } })
    const tour = makeEvent({ type: 'tour.started', surveyId: undefined })
    const res = await postBatch(testApp(db), makeBatch([good, noResponse, badMetric, tour]))
    expect(res.status).toBe(200)
    const reply = await readJson(res)
    expect(reply.accepted).toEqual([good.id])
    expect(reply.rejected).toEqual([
      { id: noResponse.id, reason: 'responseId: required for survey.completed' },
      { id: badMetric.id, reason: 'metric.bucket: expected "promoter" for score 9' },
      { id: tour.id, reason: 'tourId: required for tour.started' },
    ])
    expect(await countRows(db, 'events')).toBe(1)
  })

  // The key is public: each new survey id was a new rollup and dashboard entry, without end.
  it('refuses answers to new surveys its config does not list once the project has many', async () => {
    const app = testApp(db, { limits: { burst: 100, surveysOutsideConfig: 3 } })
    const post = async (surveyIds: string[], key = 'pk_test') =>
      readJson(
        await postBatch(
          app,
          makeBatch(
            surveyIds.map((surveyId) => makeEvent({ surveyId })),
            { key },
          ),
        ),
      )
    // Configured surveys never count, and those outside it fill the allowance in order.
    expect((await post(['nps-q4', 'a', 'b'])).rejected).toEqual([])
    const full = makeBatch([
      makeEvent({ surveyId: 'c' }),
      makeEvent({ surveyId: 'a' }),
      makeEvent({ surveyId: 'd' }),
      makeEvent({ surveyId: 'd', type: 'survey.shown' }),
      makeEvent({ surveyId: 'csat-ticket', answers: [], metric: undefined }),
    ])
    const reply = await readJson(await postBatch(app, full))
    const [c, a, d, dShown, csat] = full.events as Array<{ id: string }>
    expect(reply.accepted).toEqual([c!.id, a!.id, csat!.id])
    const reason =
      'surveyId: "d" is not in the project\'s config, which already has 3 surveys outside it'
    expect(reply.rejected).toEqual([
      { id: d!.id, reason },
      { id: dShown!.id, reason },
    ])
    // Surveys already answered still are; another project has its own allowance.
    expect((await post(['a', 'b', 'c', 'nps-q4'])).rejected).toEqual([])
    expect((await post(['e', 'f', 'g'], 'pk_open')).rejected).toEqual([])
    expect((await post(['h'], 'pk_open')).rejected).toHaveLength(1)
    const [row] = await db.query<{ n: number }>(
      `select count(distinct survey_id)::int as n from responses where project = 'pk_test'`,
    )
    expect(row?.n).toBe(5)
  })

  // Every distinct question id is a column pair of every row the CSV export writes: events each
  // naming new ones widened a survey's exports without end, 30 at a time.
  it('refuses answers to new questions a survey of its config does not have once it has many', async () => {
    const post = async (app: ReturnType<typeof testApp>, events: SondeEvent[], key = 'pk_test') =>
      readJson(await postBatch(app, makeBatch(events, { key })))
    const answers = (...ids: string[]) => ids.map((questionId) => ({ questionId, value: 1 }))
    const answered = (surveyId: string, ...ids: string[]) =>
      makeEvent({ surveyId, answers: answers(...ids), metric: undefined })
    // Stored before the limit: kept, and still answered.
    const before = testApp(db, { limits: { burst: 100 } })
    expect((await post(before, [answered('nps-q4', 'score', 'v1', 'v2', 'v3')])).rejected).toEqual(
      [],
    )
    const app = testApp(db, { limits: { burst: 100, questionsOutsideConfig: 4 } })
    const batch = [
      answered('nps-q4', 'score', 'why', 'v1', 'v2', 'v3'),
      answered('nps-q4', 'v4'),
      answered('nps-q4', 'v5', 'v1'),
      makeEvent({
        surveyId: 'nps-q4',
        type: 'survey.shown',
        answers: undefined,
        metric: undefined,
      }),
      answered('nps-q4', 'score', 'why'),
      answered('csat-ticket', 'csat', 'c1', 'c2'),
    ]
    const reply = await post(app, batch)
    expect(reply.accepted).toEqual([0, 1, 3, 4, 5].map((i) => batch[i]!.id))
    expect(reply.rejected).toEqual([
      {
        id: batch[2]!.id,
        reason:
          'answers[0].questionId: "v5" is not a question of survey "nps-q4" in the project\'s config, which already has answers to 4 questions outside it',
      },
    ])
    // A survey the config does not list has the same allowance for all its questions.
    const inline = [answered('inline', 'a', 'b'), answered('inline', 'c', 'd', 'e')]
    expect((await post(app, inline, 'pk_open')).accepted).toEqual([inline[0]!.id])
    expect((await post(app, [answered('inline', 'a', 'b', 'c', 'd')], 'pk_open')).rejected).toEqual(
      [],
    )
    // However many events bring new ids, the export stays as wide.
    for (let i = 0; i < 20; i++) await post(app, [answered('nps-q4', `x${i}`)])
    let header = ''
    await exportResponses(
      db,
      { format: 'csv', project: 'pk_test', surveyId: 'nps-q4' },
      (chunk) => {
        header ||= chunk
      },
    )
    const columns = header
      .trim()
      .split(',')
      .filter((column) => column.startsWith('answer.'))
    // Six questions, none with an "other" text: a column each.
    expect(columns).toHaveLength(6)
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from responses where survey_id = 'nps-q4' and answers @> '[{"questionId": "v1"}]'`,
    )
    expect(row?.n).toBe(2)
  })

  it('stores text PostgreSQL would refuse (NUL, lone surrogates) as U+FFFD', async () => {
    const event = npsEvent(10, {
      answers: [
        { questionId: 'score', value: 10 },
        { questionId: 'why', value: 'a\u0000b\ud800c' },
      ],
      context: { user: { traits: { 'k\u0000': 'v' } } },
    })
    const res = await postBatch(testApp(db), makeBatch([event]))
    expect(await readJson(res)).toEqual({ accepted: [event.id], rejected: [] })
    const row = await responseRow(event.responseId!)
    expect(row?.answers).toEqual([
      { questionId: 'score', value: 10 },
      { questionId: 'why', value: 'a\uFFFDb\uFFFDc' },
    ])
  })

  // The rollups are keyed by segment value, and a btree key holds at most 2,704 bytes: one
  // event with a 4 KB page path made every fold fail, so no project's stats moved again.
  it('keeps every project counting after an event with huge segment values', async () => {
    const app = testApp(db)
    // Random, so PostgreSQL cannot compress it under the limit.
    const huge = randomBytes(3_000).toString('base64')
    const context = {
      page: { path: `/${huge}` },
      locale: huge,
      app: { version: huge },
      user: { traits: { plan: huge } },
    }
    const odd = npsEvent(9, { context })
    expect(await readJson(await postBatch(app, makeBatch([odd], { key: 'pk_open' })))).toEqual({
      accepted: [odd.id],
      rejected: [],
    })
    expect((await postBatch(app, makeBatch([npsEvent(3)]))).status).toBe(200)
    const res = await app.request('/v1/stats/nps-q4?key=pk_test', {
      headers: { authorization: 'Bearer rk_test_0123456789abcdef' },
    })
    expect((await readJson(res)).counts.responses).toBe(1)
    const row = await responseRow(odd.responseId!)
    expect(row?.context).toEqual(context)
  })

  // JSON.parse makes "__proto__" an own key like any other; assigned to a plain object it sets
  // the prototype instead, and the data vanished from what was stored.
  it('stores context keys named __proto__ as sent', async () => {
    const custom = '{"ref":{"id":7,"__proto__":{"campaign":"spring"}}}'
    const event = makeEvent()
    const body = JSON.stringify(makeBatch([{ ...event, context: { custom: {} } }]))
    const res = await postBatch(testApp(db), body.replace('"custom":{}', `"custom":${custom}`))
    expect(await readJson(res)).toEqual({ accepted: [event.id], rejected: [] })
    const row = await responseRow(event.responseId!)
    expect(JSON.stringify(row?.context)).toBe(`{"custom":${custom}}`)
  })

  // The schema's copy of a record leaves out a "__proto__" key, so a custom context or traits
  // naming one lost it, though the same key one level deeper was kept.
  it('stores a "__proto__" key of the custom context and of the traits as sent', async () => {
    const event = makeEvent()
    const body = JSON.stringify(makeBatch([event]))
      .replace('"context":{', '"context":{"custom":{"__proto__":{"campaign":"spring"}},')
      .replace('"traits":{', '"traits":{"__proto__":"x",')
    const res = await postBatch(testApp(db), body)
    expect(await readJson(res)).toEqual({ accepted: [event.id], rejected: [] })
    const row = await responseRow(event.responseId!)
    const stored = JSON.stringify(row?.context)
    expect(stored).toContain('"custom":{"__proto__":{"campaign":"spring"}}')
    expect(stored).toContain('"traits":{"plan":"pro","__proto__":"x"}')
    expect(row?.plan).toBe('pro')
  })

  it('rejects a context nested too deeply, without a 500', async () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 40; i++) deep = { deep }
    const event = makeEvent({ context: { custom: { deep } } })
    const res = await postBatch(testApp(db), makeBatch([event]))
    expect(await readJson(res)).toEqual({
      accepted: [],
      rejected: [{ id: event.id, reason: 'nested deeper than 32 levels' }],
    })
  })

  // The schema makes an issue of each bad item of a list: a megabyte of them held the server's
  // one thread for seconds (before the key and the rate limit) and came back as a reason of tens
  // of megabytes. A list longer than the SDK sends is refused before the schema looks at it.
  it.each([
    [
      'an answer with more choices than a question has options',
      { answers: [{ questionId: 'pick', value: Array(400_000).fill(1) }] },
      'answers[0].value: at most 51 choices, the 50 options and other a question can have',
    ],
    [
      'more answers than a survey has questions',
      { answers: Array(300_000).fill({}) },
      'answers: at most 30, the most questions a survey has',
    ],
  ])('refuses %s by its id, in a short reply, and stores the others', async (_, fields, reason) => {
    const good = makeEvent()
    const bad = { ...makeEvent(), ...fields }
    const res = await postBatch(testApp(db), makeBatch([good, bad]))
    const text = await res.text()
    expect(text.length).toBeLessThan(1_000)
    expect(JSON.parse(text)).toEqual({ accepted: [good.id], rejected: [{ id: bad.id, reason }] })
    expect(await countRows(db, 'events')).toBe(1)
  })

  // SDK builds from before the 100-name cap sent every event name of a long session: the names
  // are usage data, the answers what the team asked for. Refused whole, the answers were lost.
  it('stores an event naming more event names than a session keeps, without the names', async () => {
    const names = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`e${i}`, 1]))
    const event = makeEvent({ context: { session: { id: 's1', events: names } } })
    const res = await postBatch(testApp(db), makeBatch([event]))
    const text = await res.text()
    expect(text.length).toBeLessThan(1_000)
    expect(JSON.parse(text)).toEqual({ accepted: [event.id], rejected: [] })
    const row = await responseRow(event.responseId!)
    expect((row?.context as { session?: unknown })?.session).toEqual({ id: 's1' })
  })

  // One error per bad item: listed in full, 50 such events of 30 answers of 51 numbers (220 KB)
  // were answered with 4.7 MB.
  it('names the first ten errors of an event that fails its schema, and counts the others', async () => {
    const good = makeEvent()
    const answers = Array.from({ length: 30 }, (_, i) => ({
      questionId: `q${i}`,
      value: Array(51).fill(1),
    }))
    const bad = { ...makeEvent(), answers }
    const res = await postBatch(testApp(db), makeBatch([good, bad as never]))
    const reply = await readJson(res)
    expect(reply.accepted).toEqual([good.id])
    const [refused] = reply.rejected
    expect(refused.id).toBe(bad.id)
    const listed = refused.reason.split('; ')
    expect(listed).toHaveLength(11)
    expect(listed[0]).toBe('invalid: events[1].answers[0].value[0]: expected string, got number')
    expect(listed[10]).toBe('events[1]: and 1520 more')
  })

  it('names the first ten errors of an event without an id, and counts the others', async () => {
    const bad = { ...makeEvent(), id: 7, answers: [{ questionId: 'q', value: Array(51).fill(1) }] }
    const res = await postBatch(testApp(db), makeBatch([makeEvent(), bad as never]))
    expect(res.status).toBe(400)
    const { errors } = await readJson(res)
    expect(errors).toHaveLength(11)
    expect(errors[10]).toEqual({ path: 'events[1]', message: 'and 42 more' })
  })

  it('refuses an event that fails its schema by its id, naming the path, and stores the others', async () => {
    const good = makeEvent()
    const bad = { ...makeEvent(), at: 'yesterday' }
    const res = await postBatch(testApp(db), makeBatch([good, bad as never]))
    expect(res.status).toBe(200)
    expect(await readJson(res)).toEqual({
      accepted: [good.id],
      rejected: [{ id: bad.id, reason: expect.stringMatching(/^invalid: events\[1\]\.at: /) }],
    })
    expect(await countRows(db, 'events')).toBe(1)
  })

  describe('refuses the whole batch and stores nothing', () => {
    it.each([
      ['malformed JSON', '{"schema":', 400],
      ['a JSON array', '[]', 400],
      ['an empty body', '', 400],
    ])('%s → %s', async (_, body, status) => {
      const res = await postBatch(testApp(db), body)
      expect(res.status).toBe(status)
      expect(await readJson(res)).toMatchObject({ error: expect.any(String) })
      expect(await countRows(db, 'events')).toBe(0)
    })

    it('names the failing path for an event that has no id to be refused by', async () => {
      const batch = makeBatch([makeEvent(), { ...makeEvent(), id: undefined } as never])
      const res = await postBatch(testApp(db), batch)
      expect(res.status).toBe(400)
      expect(await readJson(res)).toEqual({
        error: 'invalid batch',
        errors: [{ path: 'events[1].id', message: expect.any(String) }],
      })
      expect(await countRows(db, 'events')).toBe(0)
    })

    it('names the list of an event without an id that is longer than the SDK sends', async () => {
      const bad = { ...makeEvent(), id: undefined, answers: Array(300_000).fill(1) }
      const res = await postBatch(testApp(db), makeBatch([makeEvent(), bad as never]))
      expect(res.status).toBe(400)
      expect(await readJson(res)).toEqual({
        error: 'invalid batch',
        errors: [{ path: 'events[1].answers', message: expect.stringMatching(/^at most 30/) }],
      })
      expect(await countRows(db, 'events')).toBe(0)
    })

    it("names the failing path for the batch's own fields", async () => {
      const res = await postBatch(testApp(db), { ...makeBatch([makeEvent()]), sentAt: 'now' })
      expect(res.status).toBe(400)
      expect(await readJson(res)).toEqual({
        error: 'invalid batch',
        errors: [{ path: 'sentAt', message: expect.any(String) }],
      })
      expect(await countRows(db, 'events')).toBe(0)
    })

    it.each([
      ['an unknown key', 'pk_nobody', 401],
      ['a key with a NUL, which no project can have', 'pk_\u0000', 401],
      ['a revoked key', 'pk_revoked', 403],
    ])('%s → %s', async (_, key, status) => {
      const res = await postBatch(testApp(db), makeBatch([makeEvent()], { key }))
      expect(res.status).toBe(status)
      expect(await countRows(db, 'events')).toBe(0)
    })

    it('a missing key → 401', async () => {
      const res = await postBatch(testApp(db), makeBatch([makeEvent()], { key: undefined }))
      expect(res.status).toBe(401)
    })

    it('a body over the limit → 413, declared or not', async () => {
      const app = testApp(db, { limits: { bodyBytes: 2_000 } })
      const events = Array.from({ length: 10 }, () => makeEvent())
      expect((await postBatch(app, makeBatch(events))).status).toBe(413)
      const big = JSON.stringify(makeBatch(events))
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big))
          controller.close()
        },
      })
      const res = await postStream(app, stream)
      expect(res.status).toBe(413)
      expect(await countRows(db, 'events')).toBe(0)
    })

    // A tab closed or a phone gone out of coverage mid-upload: logged as "storage error
    // ECONNRESET: aborted" with a 503, an operator looked for a database problem there was none of.
    it('a body cut off before its end → 408 (retried), and no storage error logged', async () => {
      const logs: string[] = []
      const app = testApp(db, { log: (message) => logs.push(message) })
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"schema":"sonde.batch/1",'))
          controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))
        },
      })
      const res = await postStream(app, stream)
      // Should anyone still be listening, the SDK retries a 408.
      expect(res.status).toBe(408)
      expect(await readJson(res)).toEqual({ error: 'the body was cut off before its end' })
      expect(logs).toEqual([])
    })

    it('a 10 MB body → 413 with the default limit', async () => {
      const res = await postBatch(testApp(db), 'x'.repeat(10_000_000))
      expect(res.status).toBe(413)
    })

    it.each([['multipart/form-data'], ['application/x-www-form-urlencoded'], ['']])(
      'content type "%s" → 415',
      async (type) => {
        const res = await postBatch(testApp(db), makeBatch([makeEvent()]), {
          'content-type': type,
        })
        expect(res.status).toBe(415)
        expect(await countRows(db, 'events')).toBe(0)
      },
    )

    it('too many batches from one client → 429 with Retry-After', async () => {
      let now = 1_000_000
      const app = testApp(db, { limits: { ratePerSecond: 1, burst: 2 }, now: () => now })
      const send = () => postBatch(app, makeBatch([makeEvent()]))
      expect((await send()).status).toBe(200)
      expect((await send()).status).toBe(200)
      const limited = await send()
      expect(limited.status).toBe(429)
      expect(limited.headers.get('retry-after')).toBe('1')
      expect(await countRows(db, 'events')).toBe(2)
      // Another project from the same client has its own bucket; time refills this one.
      expect((await postBatch(app, makeBatch([makeEvent()], { key: 'pk_open' }))).status).toBe(200)
      now += 1_000
      expect((await send()).status).toBe(200)
    })

    // A load balancer appends the address it saw to whatever X-Forwarded-For the client sent:
    // only the hops the trusted proxies added are the client's, the rest is whatever it wrote.
    it.each([
      ['one proxy', true, (forged: string) => `${forged}, 203.0.113.7`],
      ['two proxies', 2, (forged: string) => `${forged}, 203.0.113.7, 10.0.0.2`],
    ])(
      'behind %s, a forged X-Forwarded-For does not escape the limit',
      async (_, trustProxy, forward) => {
        const app = testApp(db, {
          limits: { ratePerSecond: 1, burst: 2 },
          now: () => 0,
          trustProxy,
        })
        const statuses: number[] = []
        for (const forged of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
          const headers = { 'x-forwarded-for': forward(forged) }
          statuses.push((await postBatch(app, makeBatch([makeEvent()]), headers)).status)
        }
        expect(statuses).toEqual([200, 200, 429])
      },
    )

    // Some balancers (Azure Application Gateway) append the client's address with its port,
    // which changes with every connection: a bucket per port was a fresh bucket per connection.
    it('counts one address as one client whatever port a proxy adds to it', async () => {
      const app = testApp(db, {
        limits: { ratePerSecond: 1, burst: 2 },
        now: () => 0,
        trustProxy: true,
      })
      const statuses: number[] = []
      for (const ip of ['198.51.100.1:50001', '198.51.100.1:50002', '198.51.100.1']) {
        const headers = { 'x-forwarded-for': ip }
        statuses.push((await postBatch(app, makeBatch([makeEvent()]), headers)).status)
      }
      expect(statuses).toEqual([200, 200, 429])
    })

    // An IPv6 client is handed a /64 at least, often a /56: a bucket per address gave it
    // billions of buckets, one fresh per batch.
    it('counts the addresses of one IPv6 network as one client', async () => {
      const app = testApp(db, {
        limits: { ratePerSecond: 1, burst: 2 },
        now: () => 0,
        trustProxy: true,
      })
      const send = (ip: string) =>
        postBatch(app, makeBatch([makeEvent()]), { 'x-forwarded-for': ip })
      const statuses: number[] = []
      for (const ip of [
        '2001:db8:0:ab01::1',
        '2001:DB8:0:AB02:0:0:0:2',
        '2001:db8:0:abff:ffff::3',
      ]) {
        statuses.push((await send(ip)).status)
      }
      expect(statuses).toEqual([200, 200, 429])
      // Another network, and IPv4 clients, are others.
      for (const ip of ['2001:db8:0:ac00::1', '198.51.100.1', '198.51.100.2']) {
        expect((await send(ip)).status).toBe(200)
      }
    })
  })
})
