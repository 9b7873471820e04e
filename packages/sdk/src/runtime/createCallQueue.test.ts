import { describe, expect, it, vi } from 'vitest'
import { createCallQueue } from './createCallQueue'

const log = { debug: vi.fn(), error: vi.fn() }
// What createSonde hands in (holdingWrites) runs the burst it is given; here, at once.
const now = (run: () => unknown) => run()

describe('createCallQueue', () => {
  it('runs calls in order once the start is done', async () => {
    let begin!: () => void
    const calls = createCallQueue(new Promise<void>((r) => (begin = r)), log, () => false, now)
    const ran: number[] = []
    calls.queue(() => ran.push(1))
    calls.queue(() => ran.push(2))
    expect(ran).toEqual([])
    begin()
    await calls.settled()
    expect(ran).toEqual([1, 2])
  })

  it('holds the calls after one that returns a promise until it settles', async () => {
    const calls = createCallQueue(Promise.resolve(), log, () => false, now)
    const ran: string[] = []
    calls.queue(async () => {
      await new Promise((r) => setTimeout(r, 20))
      ran.push('adopted')
    })
    calls.queue(() => ran.push('track'))
    await calls.settled()
    expect(ran).toEqual(['adopted', 'track'])
  })

  it('keeps going after a call throws, and logs it', async () => {
    const calls = createCallQueue(Promise.resolve(), log, () => false, now)
    const ran: number[] = []
    calls.queue(() => {
      throw new Error('boom')
    })
    calls.queue(() => ran.push(2))
    await calls.settled()
    expect(ran).toEqual([2])
    expect(log.error).toHaveBeenCalledWith('internal error', expect.any(Error))
  })

  // destroy() during the start: a call made before it must not write or show anything after.
  it('runs nothing that was still waiting when it stopped', async () => {
    let begin!: () => void
    let stopped = false
    const calls = createCallQueue(new Promise<void>((r) => (begin = r)), log, () => stopped, now)
    const ran: string[] = []
    calls.queue(() => ran.push('before stop'))
    stopped = true
    calls.queue(() => ran.push('after stop'))
    begin()
    await calls.settled()
    expect(ran).toEqual([])
  })

  // A burst (the stub's queue replayed, an analytics forwarder's 50 events) runs as one, its
  // writes of the visit held to its end (holdingWrites): nothing runs between two calls.
  it('runs the calls waiting together in one microtask', async () => {
    const calls = createCallQueue(Promise.resolve(), log, () => false, now)
    const ran: string[] = []
    calls.queue(() => {
      ran.push('first')
      queueMicrotask(() => ran.push('end of the microtask'))
    })
    calls.queue(() => ran.push('second'))
    calls.queue(() => ran.push('third'))
    await calls.settled()
    await Promise.resolve()
    expect(ran).toEqual(['first', 'second', 'third', 'end of the microtask'])
  })

  it('runs the calls waiting together inside one hold, and one that waited for a promise in another', async () => {
    const holds: string[][] = []
    const hold = (run: () => unknown) => {
      holds.push([])
      return run()
    }
    const calls = createCallQueue(Promise.resolve(), log, () => false, hold)
    const note = (name: string) => () => void holds.at(-1)?.push(name)
    calls.queue(note('a'))
    calls.queue(() => Promise.resolve())
    calls.queue(note('b'))
    calls.queue(note('c'))
    await calls.settled()
    expect(holds).toEqual([['a'], ['b', 'c'], [], []])
  })

  it('runs a call made alone after the start failed, not with the next call', async () => {
    log.error.mockClear()
    const calls = createCallQueue(Promise.reject(new Error('no config')), log, () => false, now)
    const ran: number[] = []
    calls.queue(() => ran.push(1))
    await calls.settled()
    expect(ran).toEqual([1])
    expect(log.error).toHaveBeenCalledTimes(1)
  })

  it('runs the calls when the start failed, and logs it', async () => {
    const calls = createCallQueue(Promise.reject(new Error('no config')), log, () => false, now)
    const ran: number[] = []
    calls.queue(() => ran.push(1))
    calls.queue(() => ran.push(2))
    await calls.settled()
    expect(ran).toEqual([1, 2])
    expect(log.error).toHaveBeenCalledWith('could not start', expect.any(Error))
  })
})
