import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { servePage } from './outbox'

/**
 * What the network between the pages and the collector does right now: `calm` forwards (with a
 * rare stray 5xx), `5xx` and `429` answer every batch themselves without storing it, `lost-ack`
 * lets the collector store the batch and then replaces its 200 by a 502, as a load balancer
 * timing out after the write would: the SDK must send those events again, and the collector
 * must not count them twice.
 */
export type Weather = 'calm' | '5xx' | '429' | 'lost-ack'

/** What the proxy saw and did, for the run's figures. */
export interface ProxyFigures {
  /** POSTs of a batch, whatever became of them. */
  requests: number
  injected5xx: number
  injected429: number
  lostAcks: number
  /** 429s from the collector's own rate limiter, passed on as they were. */
  collector429: number
  /** Event ids that reached the collector, and how many times each. */
  arrivals: Map<string, number>
  /** The highest `dropped` count a batch carried: events the outbox lost (caps, refusals). */
  maxDropped: number
}

export interface ChaosProxy {
  /** The pages' origin, the endpoint's too: /app/* pages, /sdk/*, /fixtures/*, /v1/batch. */
  origin: string
  weather: Weather
  figures: ProxyFigures
  close(): Promise<void>
}

// In calm weather, one batch in this many still gets a 5xx: servers fail now and then.
const STRAY_5XX = 40
const SERVER_ERRORS = [500, 502, 503, 504]

/**
 * A real HTTP server on loopback in front of the collector, serving the host page `html` too:
 * the endpoint is same-origin, and keepalive requests of pages going away reach it (Playwright's
 * routes see neither those nor requests from route-fulfilled pages to loopback).
 */
export async function startChaosProxy(
  collectorUrl: string,
  html: string,
  random: () => number,
): Promise<ChaosProxy> {
  const figures: ProxyFigures = {
    requests: 0,
    injected5xx: 0,
    injected429: 0,
    lostAcks: 0,
    collector429: 0,
    arrivals: new Map(),
    maxDropped: 0,
  }
  const proxy: ChaosProxy = { origin: '', weather: 'calm', figures, close: async () => {} }
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T

  const onBatch = async (req: IncomingMessage, body: Buffer, res: ServerResponse) => {
    figures.requests++
    const batch = JSON.parse(body.toString('utf8')) as {
      dropped?: number
      events: { id: string }[]
    }
    figures.maxDropped = Math.max(figures.maxDropped, batch.dropped ?? 0)
    const weather = proxy.weather
    if (weather === '5xx' || (weather === 'calm' && random() * STRAY_5XX < 1)) {
      figures.injected5xx++
      return void res.writeHead(pick(SERVER_ERRORS)).end()
    }
    if (weather === '429') {
      figures.injected429++
      // Both forms the SDK must honour: delta-seconds and an HTTP-date.
      const seconds = 1 + Math.floor(random() * 3)
      const retryAfter =
        random() < 0.5 ? String(seconds) : new Date(Date.now() + seconds * 1000).toUTCString()
      return void res.writeHead(429, { 'retry-after': retryAfter }).end()
    }
    const reply = await forward(`${collectorUrl}/v1/batch`, req, body)
    if (reply.status === 429) figures.collector429++
    if (reply.status === 200) {
      for (const { id } of batch.events)
        figures.arrivals.set(id, (figures.arrivals.get(id) ?? 0) + 1)
    }
    if (weather === 'lost-ack' && reply.status === 200) {
      figures.lostAcks++
      return void res.writeHead(502).end()
    }
    res.writeHead(reply.status, reply.headers).end(reply.body)
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname
      if (req.method === 'GET') return servePage(path, res, html)
      if (req.method !== 'POST' || path !== '/v1/batch') return void res.writeHead(404).end()
      onBatch(req, Buffer.concat(chunks), res).catch((error: unknown) => {
        console.error('[chaos proxy]', error)
        if (!res.headersSent) res.writeHead(502).end()
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxy.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return proxy
}

interface Reply {
  status: number
  headers: Record<string, string>
  body: Buffer
}

// The batch as the page sent it (its origin included: the collector checks it), to the collector.
function forward(url: string, from: IncomingMessage, body: Buffer): Promise<Reply> {
  const headers: Record<string, string> = {
    'content-type': from.headers['content-type'] ?? 'text/plain;charset=UTF-8',
    'content-length': String(body.length),
  }
  if (from.headers.origin) headers.origin = from.headers.origin
  return new Promise((resolve, reject) => {
    const out = request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const kept: Record<string, string> = {}
        for (const name of ['content-type', 'retry-after']) {
          const value = res.headers[name]
          if (typeof value === 'string') kept[name] = value
        }
        resolve({ status: res.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) })
      })
      res.on('error', reject)
    })
    out.on('error', reject)
    out.end(body)
  })
}
