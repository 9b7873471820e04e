import {
  type BatchReply,
  batchEnvelopeSchema,
  describeError,
  eventSchema,
  type ParseError,
  parse,
  type SondeEvent,
} from '@sonde/core'
import type { Context, Hono } from 'hono'
import { clientIp } from '../http/clientIp'
import { clientNetwork } from '../http/clientNetwork'
import { answerPreflight, corsHeaders } from '../http/cors'
import { fail, tooMany } from '../http/fail'
import { limitRequests } from '../http/limitRequests'
import { readLimitedText } from '../http/readLimitedText'
import { storageFailure } from '../http/storageFailure'
import { ingestBatch } from '../ingest/ingestBatch'
import { keepProtoKeys } from '../ingest/keepProtoKeys'
import { oversizedList } from '../ingest/oversizedList'
import { matchOrigin } from '../projects/matchOrigin'
import type { Deps, Env } from './deps'

// sendBeacon and the SDK's fetch send text/plain (a CORS-simple request, no preflight); other
// clients send application/json.
const acceptedTypes = new Set(['text/plain', 'application/json'])

/**
 * POST /v1/batch: the SDK's delivery endpoint (DESIGN.md, "Events on the wire"). Checks run
 * cheapest first and each refuses the whole batch, storing nothing: type (415), size (413), JSON
 * and the batch's own fields (400), key (401/403), origin (403), rate (429). Each event is
 * checked on its own: one that fails its schema is refused by its id in the reply (one without
 * an id cannot be, and refuses the batch), and the good ones are stored.
 */
export function registerBatch(app: Hono<Env>, deps: Deps): void {
  app.use('/v1/batch', corsHeaders(deps.projects))
  app.options('/v1/batch', limitRequests(deps), (c) => answerPreflight(c, deps.projects))
  app.post('/v1/batch', (c) => receiveBatch(c, deps))
}

async function receiveBatch(c: Context<Env>, deps: Deps): Promise<Response> {
  // Before the body is read: the nearest to when the device stamped the batch's sentAt.
  const receivedAt = Date.now()
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!acceptedTypes.has(type)) {
    return fail(c, 415, 'expected a text/plain or application/json body')
  }
  // Every body read costs its network's byte budget, whatever becomes of it (an unknown key,
  // no JSON): a network out of budget, or with its most bodies in reading, is refused before
  // its body is read. What it declares (or, declaring nothing, the most it may be) is reserved
  // before it is read, so bodies sent at once are counted at once, and what it was is paid.
  const network = clientNetwork(clientIp(c, deps.trustedHops))
  const budget = deps.bytes.peek(network)
  if (!budget.ok) return tooMany(c, budget.retryAfterSeconds)
  if (!deps.uploads.enter(network)) return tooMany(c, 1)
  const declared = Number(c.req.header('content-length') ?? Number.NaN)
  const limit = deps.limits.bodyBytes
  const reserved = declared >= 0 ? Math.min(declared, limit) : limit
  deps.bytes.spend(network, reserved)
  const body = await readLimitedText(c.req.raw, limit).finally(() => deps.uploads.leave(network))
  deps.bytes.spend(network, body.bytes - reserved)
  if (!body.ok && body.cutOff) return fail(c, 408, 'the body was cut off before its end')
  if (!body.ok) return fail(c, 413, `body larger than ${deps.limits.bodyBytes} bytes`)
  const json = parseJson(body.text)
  if (!json.ok) return fail(c, 400, 'body is not JSON', [{ path: '', message: json.message }])
  const batch = parse(batchEnvelopeSchema, json.value)
  if (!batch.ok) return fail(c, 400, 'invalid batch', batch.errors)
  const events: SondeEvent[] = []
  const refused: BatchReply['rejected'] = []
  for (const [i, raw] of batch.value.events.entries()) {
    const id = (raw as { id?: unknown } | null)?.id
    const oversized = oversizedList(raw)
    if (oversized && typeof id === 'string' && id) {
      refused.push({ id, reason: describeError(oversized) })
      continue
    }
    if (oversized) {
      const path = `events[${i}].${oversized.path}`
      return fail(c, 400, 'invalid batch', [{ ...oversized, path }])
    }
    const event = parse(eventSchema, raw, ['events', i])
    if (event.ok) events.push(keepProtoKeys(event.value, raw))
    else {
      const errors = firstErrors(event.errors, `events[${i}]`)
      if (typeof id === 'string' && id) {
        refused.push({ id, reason: `invalid: ${errors.map(describeError).join('; ')}` })
      } else return fail(c, 400, 'invalid batch', errors)
    }
  }

  const key = batch.value.key ?? c.req.query('key')
  if (!key) return fail(c, 401, 'missing key', [{ path: 'key', message: 'required' }])
  const project = await deps.projects.find(key)
  if (!project) return fail(c, 401, 'unknown key')
  c.set('project', project)
  if (project.revoked) return fail(c, 403, 'this key has been revoked')
  const origin = c.req.header('origin')
  if (origin && !matchOrigin(project.origins, origin)) return deps.refuseOrigin(c, key, origin)
  const rate = deps.limiter.take(`${key}\n${network}`)
  if (!rate.ok) return tooMany(c, rate.retryAfterSeconds)
  const dropped = deps.drops.take(key, network, batch.value.dropped ?? 0)

  const config = await deps.configs.load(key).catch(() => null)
  try {
    const reply = await ingestBatch(
      deps.db,
      project,
      { ...batch.value, dropped, events },
      config?.config,
      deps.surveys,
      deps.questions,
      receivedAt,
      { allowance: deps.responses, network, counted: deps.refusals },
    )
    deps.rollups.afterWrite()
    return c.json({ accepted: reply.accepted, rejected: [...refused, ...reply.rejected] })
  } catch (error) {
    return storageFailure(c, error, deps.log)
  }
}

// An event's schema errors are one per bad item of its lists: all of them made the reply to a
// 220 KB batch 4.7 MB. The first few say what is wrong.
const listedErrors = 10

function firstErrors(errors: ParseError[], path: string): ParseError[] {
  if (errors.length <= listedErrors) return errors
  const more = { path, message: `and ${errors.length - listedErrors} more` }
  return [...errors.slice(0, listedErrors), more]
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'invalid JSON' }
  }
}
