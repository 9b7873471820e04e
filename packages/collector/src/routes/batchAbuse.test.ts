import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../db/database'
import { backends } from '../test/backends'
import { makeBatch, npsEvent } from '../test/fixtures'
import { postBatch, resetDatabase, testApp } from '../test/harness'

// The write key is public: whatever a batch claims, anyone can claim.
describe.each(backends)('POST /v1/batch under abuse on $name', (backend) => {
  let db: Database
  beforeAll(async () => {
    db = await backend.open()
  }, 60_000)
  afterAll(() => db?.close())
  beforeEach(() => resetDatabase(db))

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
})
