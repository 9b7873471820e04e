import { describe, expect, it } from 'vitest'
import { createNetworkQuorum } from './createNetworkQuorum'

// Past its first items, an item is taken once 3 networks have sent it.
const quorum = () => createNetworkQuorum({ fromOneNetwork: 0, networks: 3, maxWaiting: 10 })

describe('createNetworkQuorum', () => {
  it('takes an item once enough networks have sent it', () => {
    const items = quorum()
    expect(items.turn('real', 'net-a', 5, 'surveys').taken).toBe(false)
    expect(items.turn('real', 'net-b', 5, 'surveys').taken).toBe(false)
    expect(items.turn('real', 'net-c', 5, 'surveys').taken).toBe(true)
  })

  // One client sending made-up ids filled the waiting list and pushed out the real item's
  // networks, over and over, so it never reached three and its pages' answers were refused.
  it("keeps other networks' items waiting whatever one network sends", () => {
    const items = quorum()
    items.turn('real', 'net-a', 5, 'surveys')
    items.turn('real', 'net-b', 5, 'surveys')
    for (let i = 0; i < 100; i++) items.turn(`made-up-${i}`, 'net-x', 5, 'surveys')
    expect(items.turn('real', 'net-c', 5, 'surveys').taken).toBe(true)
  })

  it('holds at most maxWaiting items, the oldest forgotten first', () => {
    const items = quorum()
    items.turn('first', 'net-a', 5, 'surveys')
    items.turn('first', 'net-b', 5, 'surveys')
    for (let i = 0; i < 10; i++) items.turn(`item-${i}`, `net-${i}`, 5, 'surveys')
    const turn = items.turn('first', 'net-c', 5, 'surveys')
    expect(turn).toEqual({ taken: false, why: expect.stringContaining('(1 has)') })
  })
})
