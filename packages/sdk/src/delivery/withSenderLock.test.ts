import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { createSenderClaim, type SenderClaim } from './createSenderClaim'
import { withSenderLock } from './withSenderLock'

// A page whose browser has no Web Locks (Safari before 15.4, some embedded webviews).
const noLocks = { navigator: {} } as unknown as Window
let n = 0
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('withSenderLock without Web Locks', () => {
  it('runs one tab at a time, by the claim in the database', async () => {
    const name = `lock-${++n}`
    const claims = ['a', 'b', 'c'].map((owner) => createSenderClaim({ name, owner }))
    let running = 0
    let most = 0
    const task = async (locked: boolean) => {
      expect(locked).toBe(false)
      running += 1
      most = Math.max(most, running)
      await sleep(50)
      running -= 1
      return 'sent'
    }
    const results = await Promise.all(
      claims.map((claim) => withSenderLock(name, task, { win: noLocks, claim })),
    )
    expect(results.filter((r) => r === 'sent')).toHaveLength(1)
    expect(results.filter((r) => r === null)).toHaveLength(2)
    expect(most).toBe(1)
    // Released at the end: the next tab may send.
    expect(await withSenderLock(name, task, { win: noLocks, claim: claims[1] })).toBe('sent')
  })

  it('keeps the claim while a send outlasts it, and gives it up after', async () => {
    const name = `lock-${++n}`
    const clock = { time: 1_000_000 }
    const now = () => clock.time
    const a = createSenderClaim({ name, owner: 'a', ms: 10_000, now })
    const b = createSenderClaim({ name, owner: 'b', ms: 10_000, now })
    // Only the renewal timer is faked: the database's own timers run for real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      const seen: boolean[] = []
      await withSenderLock(
        name,
        async () => {
          for (let i = 0; i < 4; i++) {
            // 8 s pass and the renewal timer fires: 32 s in all, three times the claim's life.
            clock.time += 8_000
            vi.advanceTimersByTime(a.renewMs)
            await sleep(20)
            seen.push(await b.take())
          }
        },
        { win: noLocks, claim: a },
      )
      expect(seen).toEqual([false, false, false, false])
      expect(await b.take()).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })

  it('runs the task when the database does not answer, or when there is no claim', async () => {
    const broken: SenderClaim = {
      take: () => Promise.reject(new DOMException('timed out', 'TimeoutError')),
      release: () => Promise.resolve(),
      renewMs: 1_000,
    }
    const task = async (locked: boolean) => (locked ? 'locked' : 'leases')
    expect(await withSenderLock('x', task, { win: noLocks, claim: broken })).toBe('leases')
    expect(await withSenderLock('x', task, { win: noLocks })).toBe('leases')
  })

  it('falls back to the claim when the lock manager fails', async () => {
    const name = `lock-${++n}`
    const failing = {
      navigator: { locks: { request: () => Promise.reject(new Error('SecurityError')) } },
    } as unknown as Window
    const holder = createSenderClaim({ name, owner: 'holder' })
    expect(await holder.take()).toBe(true)
    const claim = createSenderClaim({ name, owner: 'me' })
    expect(await withSenderLock(name, async () => 'sent', { win: failing, claim })).toBeNull()
    await holder.release()
    expect(await withSenderLock(name, async () => 'sent', { win: failing, claim })).toBe('sent')
  })
})
