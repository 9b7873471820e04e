import type { SondeEvent } from '@sonde/core'
import type { Database } from '../db/database'
import type { Limits } from '../routes/deps'
import { makeBatch } from './fixtures'
import { postBatch, readJson, testApp } from './harness'

/** What became of the ids sent: those whose events were accepted, and each refusal's reason. */
export interface OutsideReply {
  accepted: string[]
  reasons: string[]
}

/**
 * A collector on `db` with `limits` (and room for many batches at once), and a `send` that posts
 * one event per id (a survey id, a question id: `eventOf` makes its event) with the project key
 * `key` from the client address `ip`, behind a trusted proxy; `now` is the limits' clock.
 */
export function outsideConfig(
  db: Database,
  limits: Partial<Limits>,
  eventOf: (id: string) => SondeEvent,
  key = 'pk_test',
  now: () => number = Date.now,
): (ids: readonly string[], ip: string) => Promise<OutsideReply> {
  const app = testApp(db, { limits: { burst: 100, ...limits }, trustProxy: true, now })
  return async (ids, ip) => {
    const events = ids.map(eventOf)
    const res = await postBatch(app, makeBatch(events, { key }), { 'x-forwarded-for': ip })
    const reply = await readJson(res)
    const accepted = new Set<string>(reply.accepted)
    return {
      accepted: ids.filter((_, i) => accepted.has(events[i]?.id ?? '')),
      reasons: reply.rejected.map((item: { reason: string }) => item.reason),
    }
  }
}

/** What each address in turn got accepted of `ids`, sent from it. */
export async function fromEach(
  send: (ids: readonly string[], ip: string) => Promise<OutsideReply>,
  ids: readonly string[],
  ips: readonly string[],
): Promise<string[][]> {
  const replies = []
  for (const ip of ips) replies.push((await send(ids, ip)).accepted)
  return replies
}
