import 'fake-indexeddb/auto'
import { createStore, entries, set } from 'idb-keyval'
import { describe, expect, it } from 'vitest'
import { createSenderClaim, type SenderClaimOptions } from './createSenderClaim'

let n = 0
const dbName = () => `claim-${++n}`

// One tab's claim on `name`, on its own connection, at a settable time.
function tab(name: string, owner: string, options: Partial<SenderClaimOptions> = {}) {
  const clock = { time: 1_000_000 }
  const claim = createSenderClaim({ name, owner, ms: 10_000, now: () => clock.time, ...options })
  return { claim, clock }
}

describe('createSenderClaim', () => {
  it('lets one tab hold it, renew it, and hand it over by releasing it', async () => {
    const name = dbName()
    const a = tab(name, 'a')
    const b = tab(name, 'b')
    expect(await a.claim.take()).toBe(true)
    expect(await b.claim.take()).toBe(false)
    expect(await a.claim.take()).toBe(true)
    await b.claim.release()
    expect(await b.claim.take()).toBe(false)
    await a.claim.release()
    expect(await b.claim.take()).toBe(true)
    expect(await a.claim.take()).toBe(false)
  })

  it('is given to one tab only when many take it at the same moment', async () => {
    const name = dbName()
    // Opened first, so that every take below waits on the same database, then runs at once.
    await createSenderClaim({ name, owner: 'warm-up' }).release()
    const tabs = Array.from({ length: 12 }, (_, i) => tab(name, `tab-${i}`))
    const taken = await Promise.all(tabs.map(({ claim }) => claim.take()))
    expect(taken.filter(Boolean)).toHaveLength(1)
  })

  it('is free again once a holder that stopped renewing has run out', async () => {
    const name = dbName()
    const a = tab(name, 'a')
    const b = tab(name, 'b')
    expect(await a.claim.take()).toBe(true)
    b.clock.time = a.clock.time + 9_999
    expect(await b.claim.take()).toBe(false)
    b.clock.time = a.clock.time + 10_000
    expect(await b.claim.take()).toBe(true)
  })

  it('counts as run out a claim further ahead than a claim can be (a clock set back)', async () => {
    const name = dbName()
    const a = tab(name, 'a')
    const b = tab(name, 'b')
    expect(await a.claim.take()).toBe(true)
    b.clock.time = a.clock.time - 60_000
    expect(await b.claim.take()).toBe(true)
  })

  it('treats a malformed stored value as free, and lives beside the records', async () => {
    const name = dbName()
    const store = createStore(name, 'outbox')
    await set('e:evt-1', { v: 1 }, store)
    await set('m:sender', 'garbage', store)
    const a = tab(name, 'a')
    expect(await a.claim.take()).toBe(true)
    await a.claim.release()
    expect((await entries(store)).map(([key]) => key)).toEqual(['e:evt-1'])
  })

  it('renews more often than it runs out', () => {
    const { claim } = tab(dbName(), 'a')
    expect(claim.renewMs).toBeLessThan(10_000 / 2)
  })
})
