import { describe, expect, it } from 'vitest'
import { createDailyAllowance } from './createDailyAllowance'

describe('createDailyAllowance', () => {
  it('gives each project and network its allowance of the UTC day', () => {
    let now = Date.parse('2026-11-27T23:59:00Z')
    const drops = createDailyAllowance({ perDay: 10, now: () => now })
    expect(drops.take('pk_a', '198.51.100.1', 4)).toBe(4)
    expect(drops.take('pk_a', '198.51.100.1', 9)).toBe(6)
    expect(drops.take('pk_a', '198.51.100.1', 1)).toBe(0)
    expect(drops.take('pk_b', '198.51.100.1', 3)).toBe(3)
    expect(drops.take('pk_a', '198.51.100.2', 0)).toBe(0)
    now += 60_000
    expect(drops.take('pk_a', '198.51.100.1', 12)).toBe(10)
  })

  // Clearing a full table would let whoever holds many networks start the day over.
  it('counts nothing from networks not yet seen once it remembers its most', () => {
    const drops = createDailyAllowance({ perDay: 10, maxEntries: 2, now: () => 0 })
    expect(drops.take('pk_a', 'n1', 1)).toBe(1)
    expect(drops.take('pk_a', 'n2', 1)).toBe(1)
    expect(drops.take('pk_a', 'n3', 5)).toBe(0)
    expect(drops.take('pk_a', 'n1', 20)).toBe(9)
  })

  // New responses refused are lost: many networks must not refuse everyone else's.
  it('forgets the network seen first for one not yet seen, when told to', () => {
    const responses = createDailyAllowance({
      perDay: 10,
      maxEntries: 2,
      whenFull: 'forget',
      now: () => 0,
    })
    expect(responses.take('pk_a', 'n1', 10)).toBe(10)
    expect(responses.take('pk_a', 'n2', 10)).toBe(10)
    expect(responses.take('pk_a', 'n3', 5)).toBe(5)
    expect(responses.take('pk_a', 'n2', 1)).toBe(0)
    expect(responses.take('pk_a', 'n1', 20)).toBe(10)
  })

  it('takes back what is given back, down to nothing', () => {
    const responses = createDailyAllowance({ perDay: 10, now: () => 0 })
    expect(responses.take('pk_a', 'n1', 8)).toBe(8)
    responses.giveBack('pk_a', 'n1', 5, responses.day)
    expect(responses.take('pk_a', 'n1', 20)).toBe(7)
    responses.giveBack('pk_a', 'n1', 50, responses.day)
    expect(responses.take('pk_a', 'n1', 20)).toBe(10)
  })

  // A batch taken from one day's allowance and stored (or failed) after midnight gave back what
  // it did not create from the new day's, which the network then had more of than its most.
  it("gives back only to the day taken from, not the next day's", () => {
    let now = Date.parse('2026-11-27T23:59:59Z')
    const responses = createDailyAllowance({ perDay: 2, now: () => now })
    expect(responses.take('pk_a', 'n1', 2)).toBe(2)
    const day = responses.day
    now += 2_000
    expect(responses.take('pk_a', 'n1', 1)).toBe(1)
    responses.giveBack('pk_a', 'n1', 2, day)
    expect(responses.take('pk_a', 'n1', 5)).toBe(1)
  })
})
