import { expect, it, vi } from 'vitest'
import { endpoint, log, memoryCache, validator, watch } from '../test/remoteConfig'

const DAY_MS = 86_400_000

// A copy fetched while the device's clock was ahead, read once it was put right: its age is
// negative, and the copy is no older than one fetched now.
it('revalidates a copy fetched under a clock since set back a TTL from now, not once the clock has caught up', async () => {
  vi.useFakeTimers({ now: 10 * DAY_MS })
  try {
    const fetchedAt = 12 * DAY_MS
    const cache = memoryCache({ config: { surveys: [] }, etag: '"v1"', fetchedAt })
    const { fetcher, calls } = endpoint({ surveys: [] })
    const remote = watch('u', {
      ...{ log, validator, cache, onUpdate: vi.fn(), fetcher },
      ttlMs: 5 * 60_000,
    })
    await remote.first
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1)
    expect(calls).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toEqual(['"v1"'])
    // Its age is then counted from now.
    expect(cache.entry?.fetchedAt).toBe(10 * DAY_MS + 5 * 60_000)
    remote.stop()
  } finally {
    vi.useRealTimers()
  }
})
