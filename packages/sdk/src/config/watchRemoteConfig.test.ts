import type { Config } from '@sonde/core'
import { describe, expect, it, vi } from 'vitest'
import { endpoint, ids, log, memoryCache, validator, watch } from '../test/remoteConfig'
import { hashText } from './hashText'

const survey = (id: string) => ({
  id,
  version: 1,
  kind: 'nps',
  questions: [{ id: 'q', type: 'nps', text: 't' }],
})

describe('watchRemoteConfig', () => {
  it('fetches, keeps the valid surveys, and caches with the ETag', async () => {
    const cache = memoryCache()
    const { fetcher } = endpoint({ surveys: [survey('a'), { ...survey('b'), kind: 'x' }] })
    const remote = watch('https://c/v1/config', {
      log,
      validator,
      cache,
      onUpdate: vi.fn(),
      fetcher,
      now: 1_000,
    })
    expect(ids(await remote.first)).toEqual(['a'])
    expect(cache.entry).toMatchObject({ etag: '"v1"', fetchedAt: 1_000 })
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('config.surveys[1].kind'))
    remote.stop()
  })

  // A browser names the page a request came from in its Referer header, query and all for a
  // collector on the page's own origin (/reset-password?token=…): only allow-listed parameters
  // may leave the page.
  it('asks without credentials and without naming the page', async () => {
    const { fetcher } = endpoint({ surveys: [survey('a')] })
    const remote = watch('/v1/config', {
      log,
      validator,
      cache: memoryCache(),
      onUpdate: vi.fn(),
      fetcher,
    })
    await remote.first
    const [, init] = vi.mocked(fetcher).mock.calls[0] as [string, RequestInit]
    expect(init).toMatchObject({ credentials: 'omit', referrer: '' })
    remote.stop()
  })

  // DESIGN: opted out, no requests. A page that started with consent (the only kind that
  // starts a watcher) and is opted out later lets each revalidation's turn pass.
  it('asks for nothing while consent is withdrawn, and again once it is back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date'] })
    let allowed = true
    const { fetcher, calls } = endpoint({ surveys: [survey('a')] })
    const remote = watch('u', {
      ...{ log, validator, cache: memoryCache(), onUpdate: vi.fn(), fetcher },
      allowed: () => allowed,
      ttlMs: 60_000,
    })
    expect(ids(await remote.first)).toEqual(['a'])
    allowed = false
    await vi.advanceTimersByTimeAsync(3 * 60_000)
    expect(calls).toEqual([null])
    allowed = true
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls).toEqual([null, '"v1"'])
    remote.stop()
  })

  it('starts from a fresh cache without a request, and without the validator', async () => {
    validator.mockClear()
    const cache = memoryCache({ config: { surveys: [] }, etag: '"v1"', fetchedAt: 1_000 })
    const { fetcher, calls } = endpoint({})
    const remote = watch('u', {
      log,
      validator,
      cache,
      onUpdate: vi.fn(),
      fetcher,
      now: 2_000,
      ttlMs: 60_000,
    })
    expect(await remote.first).toEqual({ surveys: [] })
    expect(calls).toEqual([])
    expect(validator).not.toHaveBeenCalled()
    remote.stop()
  })

  it('uses a stale cache at once and revalidates it in the background', async () => {
    const cached = memoryCache({ config: { surveys: [] }, etag: '"v0"', fetchedAt: 0 })
    const onUpdate = vi.fn()
    const { fetcher, calls } = endpoint({ surveys: [survey('new')] }, '"v2"')
    const remote = watch('u', {
      log,
      validator,
      cache: cached,
      onUpdate,
      fetcher,
      now: 10 * 60_000,
    })
    expect(await remote.first).toEqual({ surveys: [] })
    await vi.waitFor(() => expect(onUpdate).toHaveBeenCalledTimes(1))
    expect(calls).toEqual(['"v0"'])
    expect(ids(onUpdate.mock.calls[0]?.[0])).toEqual(['new'])
    expect(cached.entry?.etag).toBe('"v2"')
    remote.stop()
  })

  it('keeps the config when the server says 304, only refreshing its age', async () => {
    validator.mockClear()
    const cache = memoryCache({ config: { surveys: [] }, etag: '"v1"', fetchedAt: 0 })
    const onUpdate = vi.fn()
    const { fetcher, calls } = endpoint({ surveys: [survey('x')] }, '"v1"')
    const remote = watch('u', {
      log,
      validator,
      cache,
      onUpdate,
      fetcher,
      now: 10 * 60_000,
    })
    await remote.first
    await vi.waitFor(() => expect(calls).toHaveLength(1))
    await vi.waitFor(() => expect(cache.entry?.fetchedAt).toBe(10 * 60_000))
    expect(onUpdate).not.toHaveBeenCalled()
    // Nothing new arrived: the validator chunk is never loaded.
    expect(validator).not.toHaveBeenCalled()
    remote.stop()
  })

  it.each([
    ['a network error', () => Promise.reject(new TypeError('offline'))],
    ['a 500', async () => new Response('', { status: 500 })],
    ['a body that is not JSON', async () => new Response('<html>', { status: 200 })],
    ['a body cut short', async () => new Response('{"surveys":[{"id":"a"', { status: 200 })],
    // JSON, but no config at all: read as one, it would take every survey off every page.
    ['a body of JSON null', async () => new Response('null', { status: 200 })],
    ['a body that is a list', async () => new Response('[]', { status: 200 })],
    ['surveys that are no list', async () => new Response('{"surveys":{}}', { status: 200 })],
  ])('keeps the last good config after %s, and says so', async (_, fail) => {
    log.error.mockClear()
    const cache = memoryCache({ config: { surveys: [] }, etag: '"v1"', fetchedAt: 0 })
    const onUpdate = vi.fn()
    const fetcher = vi.fn(fail) as unknown as typeof fetch
    const remote = watch('u', {
      log,
      validator,
      cache,
      onUpdate,
      fetcher,
      now: 10 * 60_000,
    })
    expect(await remote.first).toEqual({ surveys: [] })
    await vi.waitFor(() => expect(fetcher).toHaveBeenCalled())
    await new Promise((r) => setTimeout(r, 10))
    expect(onUpdate).not.toHaveBeenCalled()
    expect(cache.entry?.fetchedAt).toBe(0)
    expect(log.error).toHaveBeenCalledWith(
      expect.stringContaining('could not load config'),
      expect.anything(),
    )
    remote.stop()
  })

  it('refuses a body that is no config, naming the field, and keeps the cached one', async () => {
    const cache = memoryCache({ config: { surveys: [] }, etag: '"v1"', fetchedAt: 0 })
    const { fetcher } = endpoint({ surveys: { a: survey('a') } }, '"v2"')
    log.error.mockClear()
    const remote = watch('u', {
      ...{ log, validator, cache, onUpdate: vi.fn(), fetcher },
      now: 10 * 60_000,
    })
    await remote.first
    await vi.waitFor(() => expect(log.error).toHaveBeenCalled())
    expect(String(log.error.mock.calls[0]?.[1])).toContain('config.surveys')
    expect(cache.entry).toMatchObject({ etag: '"v1"', fetchedAt: 0 })
    remote.stop()
  })

  it('checks a body only once: served again under a new ETag, it is not validated again', async () => {
    const body = { surveys: [survey('a')] }
    const cache = memoryCache()
    let etag = 0
    const fetcher = vi.fn(
      async () => new Response(JSON.stringify(body), { headers: { etag: `"e${++etag}"` } }),
    ) as unknown as typeof fetch
    const onUpdate = vi.fn()
    validator.mockClear()
    const first = watch('u', { log, validator, cache, onUpdate, fetcher, now: 0 })
    expect(ids(await first.first)).toEqual(['a'])
    first.stop()
    expect(validator).toHaveBeenCalledTimes(1)
    // The next page, after the TTL: a 200 with the same body and another ETag.
    const next = watch('u', {
      ...{ log, validator, cache, onUpdate, fetcher },
      now: 10 * 60_000,
    })
    expect(ids(await next.first)).toEqual(['a'])
    await vi.waitFor(() => expect(cache.entry?.etag).toBe('"e2"'))
    expect(cache.entry?.fetchedAt).toBe(10 * 60_000)
    expect(validator).toHaveBeenCalledTimes(1)
    expect(onUpdate).not.toHaveBeenCalled()
    next.stop()
  })

  it('checks a body again under a new version of Sonde', async () => {
    const body = { surveys: [survey('a')] }
    const text = JSON.stringify(body)
    // Cached by another version: same body, its hash made with that version's name.
    const cache = memoryCache({
      config: { surveys: [] },
      etag: '"v1"',
      hash: hashText(`0.0.1${text}`),
      fetchedAt: 0,
    })
    const fetcher = vi.fn(async () => new Response(text, { headers: { etag: '"v2"' } }))
    const onUpdate = vi.fn()
    validator.mockClear()
    const remote = watch('u', {
      ...{ log, validator, cache, onUpdate },
      fetcher: fetcher as unknown as typeof fetch,
      now: 10 * 60_000,
    })
    await remote.first
    await vi.waitFor(() => expect(onUpdate).toHaveBeenCalledTimes(1))
    expect(validator).toHaveBeenCalledTimes(1)
    expect(ids(onUpdate.mock.calls[0]?.[0])).toEqual(['a'])
    remote.stop()
  })

  it('yields an empty config when there is neither cache nor network', async () => {
    const fetcher = vi.fn(() => Promise.reject(new TypeError('offline'))) as unknown as typeof fetch
    const remote = watch('u', {
      log,
      validator,
      cache: memoryCache(),
      onUpdate: vi.fn(),
      fetcher,
    })
    expect(await remote.first).toEqual({})
    remote.stop()
  })

  it('revalidates every TTL while the page lives, and stops', async () => {
    vi.useFakeTimers()
    try {
      const { fetcher, calls } = endpoint({ surveys: [] })
      const remote = watch('u', {
        log,
        validator,
        cache: memoryCache(),
        onUpdate: vi.fn(),
        fetcher,
        ttlMs: 1_000,
      })
      await remote.first
      await vi.advanceTimersByTimeAsync(3_000)
      expect(calls).toEqual([null, '"v1"', '"v1"', '"v1"'])
      remote.stop()
      await vi.advanceTimersByTimeAsync(3_000)
      expect(calls).toHaveLength(4)
    } finally {
      vi.useRealTimers()
    }
  })

  // The README's promise: once the copy is 5 minutes old, it is revalidated. A page opened on a
  // copy 4 minutes old kept it until the page was 5 minutes old: the copy 9.
  it('revalidates a fresh copy once it is a TTL old, then every TTL', async () => {
    vi.useFakeTimers({ now: 4 * 60_000 })
    try {
      const cache = memoryCache({ config: { surveys: [] }, etag: '"v1"', fetchedAt: 0 })
      const { fetcher, calls } = endpoint({ surveys: [] })
      const remote = watch('u', {
        ...{ log, validator, cache, onUpdate: vi.fn(), fetcher },
        ttlMs: 5 * 60_000,
      })
      await remote.first
      await vi.advanceTimersByTimeAsync(60_000 - 1)
      expect(calls).toEqual([])
      await vi.advanceTimersByTimeAsync(1)
      expect(calls).toEqual(['"v1"'])
      await vi.advanceTimersByTimeAsync(5 * 60_000)
      expect(calls).toEqual(['"v1"', '"v1"'])
      remote.stop()
    } finally {
      vi.useRealTimers()
    }
  })

  // Headers that never come, or headers at once and then a body that stalls (a proxy or a
  // server hanging mid-response): either way the start must not wait for ever.
  it.each([
    ['a server that never answers', () => new Promise<Response>(() => {})],
    [
      'a body that never ends',
      async () => {
        const stalled = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"surveys":['))
          },
        })
        return new Response(stalled, { status: 200 })
      },
    ],
  ])('gives up on %s after 10 s', async (_, answer) => {
    vi.useFakeTimers()
    try {
      log.error.mockClear()
      const fetcher = vi.fn(answer) as unknown as typeof fetch
      const remote = watch('https://c/v1/config', {
        log,
        validator,
        cache: memoryCache(),
        onUpdate: vi.fn(),
        fetcher,
      })
      let first: Config | undefined
      void remote.first.then((config) => {
        first = config
      })
      await vi.advanceTimersByTimeAsync(9_900)
      expect(first).toBeUndefined()
      await vi.advanceTimersByTimeAsync(100)
      expect(first).toEqual({})
      expect(log.error).toHaveBeenCalledWith(
        expect.stringContaining('could not load config'),
        expect.objectContaining({ name: 'TimeoutError' }),
      )
      remote.stop()
    } finally {
      vi.useRealTimers()
    }
  })
})
