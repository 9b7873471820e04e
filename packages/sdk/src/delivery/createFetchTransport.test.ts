import type { Batch } from '@sonde/core'
import { describe, expect, it, vi } from 'vitest'
import { withPrototypeJs } from '../test/withPrototypeJs'
import { createFetchTransport } from './createFetchTransport'

const batch = (text = 'x'): Batch => ({
  schema: 'sonde.batch/1',
  batchId: 'b1',
  sentAt: '2026-11-26T10:00:00.000Z',
  sdk: { name: 'sonde', version: '0.1.0' },
  events: [
    { id: 'evt-1-000000', type: 'survey.answered', at: '2026-11-26T10:00:00.000Z', reason: text },
  ],
})

const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers })

describe('createFetchTransport', () => {
  // Nor does it name the page in a Referer header, which a collector on the page's own origin
  // would get with its query (/reset-password?token=…): only allow-listed parameters may leave.
  it('posts the batch as a CORS-simple text/plain request without credentials or referrer', async () => {
    const fetch = vi.fn(async () => reply(200, { accepted: ['evt-1-000000'], rejected: [] }))
    const result = await createFetchTransport('https://c.example/v1/batch', { fetch }).send(
      batch(),
      {},
    )
    expect(result).toEqual({
      status: 200,
      retryAfter: null,
      body: { accepted: ['evt-1-000000'], rejected: [] },
    })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('https://c.example/v1/batch')
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      referrer: '',
      keepalive: false,
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    })
    expect(JSON.parse(init.body as string)).toEqual(batch())
  })

  it('sends arrays as arrays on a page whose Array.prototype.toJSON (Prototype.js) makes strings', async () => {
    const fetch = vi.fn(async () => reply(200))
    await withPrototypeJs(() => createFetchTransport('/v1/batch', { fetch }).send(batch(), {}))
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(JSON.parse(init.body as string)).toEqual(batch())
  })

  it.each([
    [
      reply(503, undefined, { 'retry-after': '7' }),
      { status: 503, retryAfter: '7', body: undefined },
    ],
    [reply(413), { status: 413, retryAfter: null, body: undefined }],
    [new Response('not json', { status: 200 }), { status: 200, retryAfter: null, body: undefined }],
  ])('reports the status and Retry-After %#', async (response, expected) => {
    const transport = createFetchTransport('/v1/batch', { fetch: async () => response })
    expect(await transport.send(batch(), {})).toEqual(expected)
  })

  // fetch follows redirects, and a 301, 302 or 303 turns the POST into a GET without its body:
  // the page redirected to (an endpoint moved, a trailing slash added) then answers a request
  // that carried no batch, with a 405 that would drop the events or a 200 that would ack them.
  it.each([
    ['a 405 to the GET', reply(405), { error: 'network' }],
    ['a 200 page', new Response('<html></html>', { status: 200 }), { error: 'network' }],
    ['a 204', reply(204), { error: 'network' }],
    [
      "a receiver's reply (a 307 or 308 keeps the POST)",
      reply(200, { accepted: ['evt-1-000000'], rejected: [] }),
      { status: 200, retryAfter: null, body: { accepted: ['evt-1-000000'], rejected: [] } },
    ],
  ])(
    'after a redirect, takes %s as no answer about the batch unless a receiver replied',
    async (_, response, expected) => {
      Object.defineProperty(response, 'redirected', { value: true })
      const transport = createFetchTransport('/v1/batch', { fetch: async () => response })
      expect(await transport.send(batch(), {})).toEqual(expected)
    },
  )

  it.each([
    [new TypeError('Failed to fetch'), { error: 'network' }],
    [new DOMException('slow', 'TimeoutError'), { error: 'timeout' }],
  ])('turns %s into a retryable result, never a rejection', async (error, expected) => {
    const transport = createFetchTransport('/v1/batch', { fetch: () => Promise.reject(error) })
    expect(await transport.send(batch(), {})).toEqual(expected)
  })

  // No sendBeacon: it always sends the endpoint's cookies, and batches go without credentials.
  it('sends on unload with keepalive while the 64 KiB budget allows; beyond, plainly', async () => {
    const answers: (() => void)[] = []
    const fetch = vi.fn(
      (_url: RequestInfo | URL, _init?: RequestInit) =>
        new Promise<Response>((resolve) => answers.push(() => resolve(reply(200)))),
    )
    const transport = createFetchTransport('/v1/batch', { fetch })
    const big = 'x'.repeat(40_000)
    const first = transport.send(batch(big), { unload: true })
    // A hidden page lives on and completes a plain fetch; a page that goes cancels it, and the
    // batch, still stored, goes with the next page.
    const second = transport.send(batch(big), { unload: true })
    expect(fetch.mock.calls.map((call) => call[1])).toMatchObject([
      { keepalive: true, credentials: 'omit' },
      { keepalive: false, credentials: 'omit' },
    ])
    for (const answer of answers.splice(0)) answer()
    expect(await first).toMatchObject({ status: 200 })
    expect(await second).toMatchObject({ status: 200 })
    // The budget is free again once the first is answered.
    void transport.send(batch(big), { unload: true })
    expect(fetch.mock.calls[2]?.[1]).toMatchObject({ keepalive: true })
  })
  // Safari before 16 (iOS 15) has no AbortSignal.timeout: a send there must still go, and still
  // give up after its timeout.
  it('sends where AbortSignal.timeout is missing, with its timeout all the same', async () => {
    const timeout = Object.getOwnPropertyDescriptor(AbortSignal, 'timeout')
    Object.defineProperty(AbortSignal, 'timeout', { configurable: true, value: undefined })
    try {
      const ok = createFetchTransport('/v1/batch', { fetch: async () => reply(200) })
      expect(await ok.send(batch(), {})).toMatchObject({ status: 200 })
      const hang = (_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        })
      const hung = createFetchTransport('/v1/batch', { fetch: hang, timeoutMs: 20 })
      expect(await hung.send(batch(), {})).toEqual({ error: 'timeout' })
    } finally {
      if (timeout) Object.defineProperty(AbortSignal, 'timeout', timeout)
    }
  })
})
