import type { Batch } from '@sonde/core'
import { afterEach, beforeEach, vi } from 'vitest'

/**
 * For the tests of the file it is called in: every batch Sonde posts is recorded, with where it
 * went, and acked; other requests go to the network.
 */
export function recordBatches(): { batches: Batch[]; sentTo: string[] } {
  const recorded = { batches: [] as Batch[], sentTo: [] as string[] }
  const realFetch = window.fetch
  beforeEach(() => {
    recorded.batches.length = 0
    window.fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input)
      if (!url.includes('/v1/batch')) return realFetch(input, init)
      const batch = JSON.parse(String(init?.body)) as Batch
      recorded.batches.push(batch)
      recorded.sentTo.push(url)
      const accepted = batch.events.map((e) => e.id)
      return new Response(JSON.stringify({ accepted, rejected: [] }))
    }) as typeof fetch
  })
  afterEach(() => {
    window.fetch = realFetch
  })
  return recorded
}

/** An endpoint of its own, so that no two tests share a store. */
export const endpoint = () => `https://collect.test/${crypto.randomUUID()}/v1/batch`

/** The shadow root of the prompt or tour step on screen, if any. */
export const prompt = () =>
  [...document.querySelectorAll('*')].find((el) => el.shadowRoot?.querySelector('[role=dialog]'))
    ?.shadowRoot ?? null

/** What `read` gives once it gives something, polled every 25 ms for up to `ms`. */
export const waitFor = async <T>(read: () => T | null | undefined, ms = 5_000): Promise<T> => {
  const until = Date.now() + ms
  for (;;) {
    const value = read()
    if (value) return value
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 25))
  }
}
