import type { SondeEvent } from '@sonde/core'
import { describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { makeBatch, makeEvent, npsEvent } from '../test/fixtures'
import { postBatch, readJson, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

const readKey = 'rk_test_0123456789abcdef'

// Ballot stuffing: with the public key, one client network made 250 scored responses a second
// (5 batches of 50), each counted in the survey's score.
describe.each(backends)('the new responses of one client network on $name', (backend) => {
  const db = suiteDatabase(backend)

  function collector(perDay: number) {
    let now = Date.parse('2026-11-27T12:00:00Z')
    const app = testApp(db, {
      limits: { responsesPerNetworkPerDay: perDay, burst: 100 },
      now: () => now,
      trustProxy: true,
    })
    const send = async (events: SondeEvent[], ip = '198.51.100.1') => {
      const res = await postBatch(app, makeBatch(events), { 'x-forwarded-for': ip })
      expect(res.status).toBe(200)
      return readJson(res)
    }
    const stats = async () => {
      const headers = { authorization: `Bearer ${readKey}` }
      return readJson(await app.request('/v1/stats/nps-q4?key=pk_test', { headers }))
    }
    return { send, stats, nextDay: () => (now += 24 * 3600_000) }
  }

  it("refuses a network's new responses past its day's allowance, and counts them", async () => {
    const { send, stats, nextDay } = collector(3)
    const first = [npsEvent(10), npsEvent(10)]
    expect((await send(first)).accepted).toHaveLength(2)
    const more = [npsEvent(10), npsEvent(10), npsEvent(10)]
    const reply = await send(more)
    expect(reply.accepted).toEqual([more[0]?.id])
    expect(reply.rejected.map((item: { id: string }) => item.id)).toEqual([
      more[1]?.id,
      more[2]?.id,
    ])
    expect(reply.rejected[0].reason).toBe(
      'responseId: this network has sent 3 new responses of this project today, the most it may',
    )
    // A response it has started goes on, and so does one started elsewhere (a phone leaving
    // the office's wifi).
    const later = makeEvent({ responseId: first[0]?.responseId ?? '', seq: 3 })
    const elsewhere = npsEvent(3)
    expect((await send([elsewhere], '203.0.113.9')).accepted).toEqual([elsewhere.id])
    const going = makeEvent({ responseId: elsewhere.responseId ?? '', seq: 3 })
    expect((await send([later, going])).accepted).toEqual([later.id, going.id])
    // What is refused is said on the survey's stats, as the collector's own count.
    expect(await stats()).toMatchObject({ counts: { responses: 4 }, refused: 2 })
    // The next UTC day brings a fresh allowance.
    nextDay()
    expect((await send([npsEvent(10)])).accepted).toHaveLength(1)
  })

  // Each batch checked before the one before it was stored would let them all pass.
  it('counts batches sent at once against one allowance', async () => {
    const { send, stats } = collector(3)
    const replies = await Promise.all(
      Array.from({ length: 4 }, () => send([npsEvent(9), npsEvent(9)])),
    )
    const accepted = replies.reduce((sum, reply) => sum + reply.accepted.length, 0)
    expect(accepted).toBe(3)
    expect(await stats()).toMatchObject({ counts: { responses: 3 }, refused: 5 })
  })

  // Replicas on one PostgreSQL: each keeps its own allowances in memory, and the counts of what
  // they refused are in the database, so the stats (and the dashboard) say what all of them
  // refused, each having let a network start its most.
  it('counts what every collector on the database refused, each with its own allowance', async () => {
    const one = collector(2)
    const two = collector(2)
    const accepted = async (send: typeof one.send) =>
      (await send([npsEvent(7), npsEvent(7), npsEvent(7)])).accepted.length
    expect([await accepted(one.send), await accepted(two.send)]).toEqual([2, 2])
    for (const { stats } of [one, two]) {
      expect(await stats()).toMatchObject({ counts: { responses: 4 }, refused: 2 })
    }
  })

  // The SDK sends a response's events as they happen, so one refused comes back in the next
  // batches with its answer and completion, each refused again: counted each time, the dashboard
  // gave three refused for one.
  it('counts a refused response once, whichever batches bring its events', async () => {
    const { send, stats } = collector(1)
    expect((await send([npsEvent(10)])).accepted).toHaveLength(1)
    const shown = makeEvent({ type: 'survey.shown', seq: 0, answers: [] })
    delete shown.metric
    const responseId = shown.responseId ?? ''
    expect((await send([shown])).rejected).toHaveLength(1)
    expect((await send([npsEvent(4, { responseId, seq: 1 })])).rejected).toHaveLength(1)
    expect((await send([makeEvent({ responseId, seq: 2 })])).rejected).toHaveLength(1)
    expect(await stats()).toMatchObject({ counts: { responses: 1 }, refused: 1 })
  })
})
