import { describe, expect, it } from 'vitest'
import { coalesce } from './coalesce'

const deferred = () => {
  let resolve: () => void = () => {}
  const promise = new Promise<void>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

describe('coalesce', () => {
  it('runs one call at a time, and merges the calls made meanwhile into one run', async () => {
    const gate = deferred()
    const runs: boolean[] = []
    const run = coalesce(async (flag) => {
      runs.push(flag)
      if (runs.length === 1) await gate.promise
      return runs.length
    })
    const first = run(false)
    await Promise.resolve()
    const second = run(false)
    const third = run(true)
    expect(second).toBe(third)
    expect(runs).toEqual([false])
    gate.resolve()
    expect(await first).toBe(1)
    expect(await third).toBe(2)
    expect(runs).toEqual([false, true])
  })

  it.each([
    [[false], [false]],
    [[true], [true]],
    [[false, true, false], [true]],
  ])('calls made in one tick %j share a run %j', async (flags, expected) => {
    const runs: boolean[] = []
    const run = coalesce(async (flag) => {
      runs.push(flag)
    })
    await Promise.all(flags.map(run))
    expect(runs).toEqual(expected)
  })

  it('keeps going after a run rejects', async () => {
    let count = 0
    const run = coalesce(async () => {
      count += 1
      if (count === 1) throw new Error('boom')
      return count
    })
    await expect(run(false)).rejects.toThrow('boom')
    expect(await run(false)).toBe(2)
  })
})
