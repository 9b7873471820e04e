import { describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { makeBatch, makeEvent, npsEvent } from '../test/fixtures'
import { postBatch, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

// The write key is public: whatever a batch claims, anyone can claim.
describe.each(backends)('POST /v1/batch under abuse on $name', (backend) => {
  const db = suiteDatabase(backend)

  async function droppedCount(project = 'pk_test'): Promise<number> {
    const [row] = await db.query<{ n: number }>(
      'select coalesce(sum(n), 0)::float8 as n from dropped_events where project = $1',
      [project],
    )
    return Number(row?.n ?? 0)
  }

  // The dashboard shows the events lost on devices: one client claiming 2^53 of them made every
  // survey of the project say so.
  it("counts at most a day's allowance of dropped events from one network", async () => {
    let now = Date.parse('2026-11-27T12:00:00Z')
    const app = testApp(db, {
      limits: { droppedPerNetworkPerDay: 1_000, burst: 100 },
      now: () => now,
      trustProxy: true,
    })
    const send = (dropped: number, ip = '198.51.100.1', key = 'pk_test') =>
      postBatch(app, makeBatch([npsEvent(9)], { dropped, key }), { 'x-forwarded-for': ip })
    for (const dropped of [600, 600, Number.MAX_SAFE_INTEGER]) {
      expect((await send(dropped)).status).toBe(200)
    }
    expect(await droppedCount()).toBe(1_000)
    // Another address of the same IPv4 client is the same client; another client has its own.
    expect((await send(5, '198.51.100.1:4444')).status).toBe(200)
    expect((await send(7, '203.0.113.9')).status).toBe(200)
    expect(await droppedCount()).toBe(1_007)
    // Another project's allowance is its own.
    expect((await send(3, '198.51.100.1', 'pk_open')).status).toBe(200)
    expect(await droppedCount('pk_open')).toBe(3)
    // The next UTC day brings a fresh allowance.
    now += 24 * 3600_000
    expect((await send(2)).status).toBe(200)
    expect(await droppedCount()).toBe(1_009)
  })

  // Only a batch of a known key took a token: a client sending a megabyte of JSON under an
  // unknown key, or of no JSON, or of 1,500 context keys per event under the public one (5 a
  // second, 0.3 s of the server's one thread each), was read and parsed without end.
  it('charges every body it reads to its network, and refuses one out of budget unread', async () => {
    let now = 0
    const pad = 'x'.repeat(3_000)
    const body = JSON.stringify(makeBatch([makeEvent({ context: { custom: { pad } } })]))
    const app = testApp(db, {
      limits: { networkBytesPerSecond: 1_000, networkByteBurst: 3 * body.length, burst: 100 },
      now: () => now,
      trustProxy: true,
    })
    const send = (key: string, ip = '198.51.100.1') => {
      let pulled = false
      const stream = new ReadableStream(
        {
          pull(controller) {
            pulled = true
            const text = key === 'not JSON' ? body.replace('{', '[') : body.replace('pk_test', key)
            controller.enqueue(new TextEncoder().encode(text))
            controller.close()
          },
          // Pulled only when read: the default would pull once at once.
        },
        { highWaterMark: 0 },
      )
      const res = app.request('/v1/batch', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-forwarded-for': ip },
        body: stream,
        duplex: 'half',
      } as RequestInit)
      return Promise.resolve(res).then((res) => ({ res, pulled }))
    }
    const statuses = []
    for (const key of ['pk_nobody', 'not JSON', 'pk_test']) {
      statuses.push((await send(key)).res.status)
    }
    expect(statuses).toEqual([401, 400, 200])
    const refused = await send('pk_test')
    expect(refused.res.status).toBe(429)
    expect(refused.res.headers.get('retry-after')).toBe('1')
    expect(refused.pulled).toBe(false)
    // Another network has its own budget, and time gives this one's back.
    expect((await send('pk_test', '203.0.113.9')).res.status).toBe(200)
    now += 1_000
    expect((await send('pk_test')).res.status).toBe(200)
    expect((await send('pk_test')).res.status).toBe(429)
  })

  // Bodies sent at once all passed the check of the budget before the first was read and
  // charged: sixteen of a megabyte, each parsed into tens of megabytes of objects held across the
  // database's answer, from each network.
  it('reserves the bytes a body declares, or the most it may have, before reading it', async () => {
    const body = JSON.stringify(makeBatch([makeEvent()]))
    const size = Buffer.byteLength(body)
    const limits = { networkBytesPerSecond: 1, networkByteBurst: 3 * size, burst: 100 }
    const app = testApp(db, { limits, now: () => 0 })
    const replies = await Promise.all(Array.from({ length: 5 }, () => postBatch(app, body)))
    expect(replies.map((res) => res.status).sort()).toEqual([200, 200, 200, 429, 429])
    // A body of no declared length holds the whole limit while it is read.
    const open = testApp(db, { limits: { ...limits, bodyBytes: 3 * size }, now: () => 0 })
    let stall: ReadableStreamDefaultController<Uint8Array> | undefined
    const held = open.request('/v1/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          stall = controller
        },
      }),
      duplex: 'half',
    } as RequestInit)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect((await postBatch(open, body)).status).toBe(429)
    stall?.error(new Error('aborted'))
    expect((await held).status).toBe(408)
    // Read, it costs what it held: nothing.
    expect((await postBatch(open, body)).status).toBe(200)
  })

  // Node waits 5 minutes for a request's body, and a body is held until its end: one client
  // dribbling a thousand bodies of a megabyte held a gigabyte of the server's memory.
  it('reads a few bodies of one network at a time, and refuses more at once', async () => {
    const app = testApp(db, { limits: { uploadsPerNetwork: 2 }, trustProxy: true })
    const stalled: Array<ReadableStreamDefaultController<Uint8Array>> = []
    const send = (ip: string, open = false) => {
      const body = JSON.stringify(makeBatch([makeEvent()]))
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(open ? body.slice(0, 20) : body))
          if (open) stalled.push(controller)
          else controller.close()
        },
      })
      return Promise.resolve(
        app.request('/v1/batch', {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'x-forwarded-for': ip },
          body: stream,
          duplex: 'half',
        } as RequestInit),
      )
    }
    const held = [send('198.51.100.1', true), send('198.51.100.1', true)]
    await new Promise((resolve) => setTimeout(resolve, 50))
    const refused = await send('198.51.100.1')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect((await send('203.0.113.9')).status).toBe(200)
    // A body that ends frees its place.
    stalled[0]?.error(new Error('aborted'))
    expect((await held[0])?.status).toBe(408)
    expect((await send('198.51.100.1')).status).toBe(200)
    stalled[1]?.error(new Error('aborted'))
    expect((await held[1])?.status).toBe(408)
  })

  // Trusted hops the request did not pass through (the collector's port reached directly as well
  // as through the balancer) leave the client's own X-Forwarded-For as its address: any text,
  // each a fresh bucket, of up to the 16 KB of a header, in each of the limiters' 50,000.
  it('takes no text a client wrote for its address, only an IP address', async () => {
    const app = testApp(db, { limits: { burst: 2 }, now: () => 0, trustProxy: true })
    const statuses = []
    for (const forged of ['a', 'b'.repeat(10_000), 'c', '198.51.100.7']) {
      const headers = { 'x-forwarded-for': forged }
      statuses.push((await postBatch(app, makeBatch([makeEvent()]), headers)).status)
    }
    // The three texts are the connection's address, one client; the IP address another.
    expect(statuses).toEqual([200, 200, 429, 200])
  })
})
