import { afterEach, describe, expect, it, vi } from 'vitest'
import { withTimeout } from './withTimeout'

afterEach(() => {
  vi.useRealTimers()
})

describe('withTimeout', () => {
  it('settles as the promise does when it is in time', async () => {
    await expect(withTimeout(Promise.resolve(1), 100)).resolves.toBe(1)
    await expect(withTimeout(Promise.reject(new Error('no')), 100)).rejects.toThrow('no')
  })

  it('rejects with a TimeoutError when the promise hangs', async () => {
    vi.useFakeTimers()
    const pending = withTimeout(new Promise(() => {}), 2_000)
    const caught = pending.catch((error: DOMException) => error.name)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(await caught).toBe('TimeoutError')
  })

  it('gives a slow but progressing operation until the longer deadline', async () => {
    vi.useFakeTimers()
    let progressed = false
    let settled: string | null = null
    withTimeout(new Promise(() => {}), 2_000, { ms: 10_000, when: () => progressed }).catch(
      (error: DOMException) => {
        settled = error.name
      },
    )
    progressed = true
    await vi.advanceTimersByTimeAsync(9_999)
    expect(settled).toBeNull()
    await vi.advanceTimersByTimeAsync(1)
    expect(settled).toBe('TimeoutError')
  })
})
