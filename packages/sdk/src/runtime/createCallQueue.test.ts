import { describe, expect, it, vi } from 'vitest'
import { createCallQueue } from './createCallQueue'

const log = { debug: vi.fn(), error: vi.fn() }

describe('createCallQueue', () => {
  it('runs calls in order once the start is done', async () => {
    let begin!: () => void
    const calls = createCallQueue(new Promise<void>((r) => (begin = r)), log, () => false)
    const ran: number[] = []
    calls.queue(() => ran.push(1))
    calls.queue(() => ran.push(2))
    expect(ran).toEqual([])
    begin()
    await calls.settled()
    expect(ran).toEqual([1, 2])
  })

  it('holds the calls after one that returns a promise until it settles', async () => {
    const calls = createCallQueue(Promise.resolve(), log, () => false)
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
    const calls = createCallQueue(Promise.resolve(), log, () => false)
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
    const calls = createCallQueue(new Promise<void>((r) => (begin = r)), log, () => stopped)
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
    const calls = createCallQueue(Promise.resolve(), log, () => false)
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

  it('runs the calls when the start failed, and logs it', async () => {
    const calls = createCallQueue(Promise.reject(new Error('no config')), log, () => false)
    const ran: number[] = []
    calls.queue(() => ran.push(1))
    calls.queue(() => ran.push(2))
    await calls.settled()
    expect(ran).toEqual([1, 2])
    expect(log.error).toHaveBeenCalledWith('could not start', expect.any(Error))
  })
})
