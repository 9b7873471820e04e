import { describe, expect, it } from 'vitest'
import { createLedger } from './createLedger'
import { createMemoryStore } from './createMemoryStore'
import { sendingMark } from './sendingMark'

describe('sendingMark', () => {
  it('writes a lease ahead, renews it only past half of it, and clears it', async () => {
    const store = createMemoryStore()
    const { ledger, loaded } = createLedger(store)
    await loaded
    const clock = { time: 1_000 }
    const mark = sendingMark(ledger, () => clock.time, 60_000)
    const seen: (number | undefined)[] = []
    for (const time of [1_000, 20_000, 31_000, 32_000, 61_000, 91_500]) {
      clock.time = time
      await mark.renew()
      seen.push(await store.getMeta('sending'))
    }
    expect(seen).toEqual([61_000, 61_000, 91_000, 91_000, 121_000, 151_500])
    await mark.clear()
    expect(await store.getMeta('sending')).toBe(0)
  })

  it('clears nothing it never wrote', async () => {
    const store = createMemoryStore()
    await store.setMeta('sending', 5_000)
    const { ledger, loaded } = createLedger(store)
    await loaded
    await sendingMark(ledger, () => 0, 60_000).clear()
    expect(await store.getMeta('sending')).toBe(5_000)
  })
})

describe('ledger.othersSending', () => {
  it.each([
    ['no mark', undefined, false],
    ['a mark ahead', 30_000, true],
    ['a mark ended', 9_999, false],
    ['a mark further off than a lease (a clock set back)', 70_001, false],
  ])('%s', async (_, until, expected) => {
    const store = createMemoryStore()
    if (until !== undefined) await store.setMeta('sending', until)
    const { ledger, loaded } = createLedger(store)
    await loaded
    expect(await ledger.othersSending(10_000, 60_000)).toBe(expected)
  })
})
