import { describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { makeBatch, npsEvent } from '../test/fixtures'
import { postBatch, readJson, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

const HOUR_MS = 3_600_000
const iso = (time: number) => new Date(time).toISOString()

// The SDK dates each event and each batch by the device's clock (`at`, `sentAt`): a device whose
// clock is off dates its answers off by as much, unless the collector measures the error on the
// batch, at its receipt.
describe.each(backends)("a device's wrong clock, on $name", (backend) => {
  const db = suiteDatabase(backend)

  // Sends one NPS answer given `ago` ms before its batch went, by a clock `offMs` off.
  async function answer(offMs: number, ago = 2_000, clockAtAnswer = offMs) {
    const sent = Date.now() + offMs
    const event = npsEvent(9, { at: iso(sent - offMs + clockAtAnswer - ago) })
    const before = Date.now()
    const res = await postBatch(testApp(db), makeBatch([event], { sentAt: iso(sent) }))
    const after = Date.now()
    expect((await readJson(res)).accepted).toEqual([event.id])
    const [row] = await db.query<{ event: Date; answered: Date }>(
      `select e.at as event, r.answered_at as answered from events e
       join responses r on r.response_id = e.response_id where e.id = $1`,
      [event.id],
    )
    return { row: row!, event, before, after, ago }
  }

  it('dates the answers of a clock hours behind by the time they were given', async () => {
    const { row, before, after, ago } = await answer(-3 * HOUR_MS)
    for (const time of [row.event, row.answered]) {
      expect(time.getTime()).toBeGreaterThanOrEqual(before - ago)
      expect(time.getTime()).toBeLessThanOrEqual(after - ago)
    }
  })

  it('dates the answers of a clock days ahead by the time they were given, not in the future', async () => {
    const { row, before, after, ago } = await answer(2 * 24 * HOUR_MS)
    for (const time of [row.event, row.answered]) {
      expect(time.getTime()).toBeGreaterThanOrEqual(before - ago)
      expect(time.getTime()).toBeLessThanOrEqual(after - ago)
    }
  })

  it('keeps the times of a clock about right as they were sent', async () => {
    const { row, event } = await answer(-20_000)
    expect(iso(row.event.getTime())).toBe(event.at)
    expect(iso(row.answered.getTime())).toBe(event.at)
  })

  // Answered while the clock was a day ahead, sent after it was put right: the batch's clock is
  // right, and its answer would be a day in the future.
  it('never dates an event after the batch that brought it arrived', async () => {
    const { row, after } = await answer(0, 2_000, 24 * HOUR_MS)
    expect(row.event.getTime()).toBeLessThanOrEqual(after)
    expect(row.answered.getTime()).toBeLessThanOrEqual(after)
  })
})
