// A loopback HTTP server for the browser benches: each route answers from the request's method,
// path and body, so one server can stand in for a CDN and a vendor's API at once.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Request {
  method: string
  /** The path without its query string. */
  path: string
  url: URL
  body: Buffer
}

export interface Reply {
  status?: number
  type?: string
  /** Cache-Control; `no-store` unless a route says otherwise. */
  cache?: string
  body?: string | Buffer
}

/** Answers a request it knows, or returns undefined to let the next route try. */
export type Route = (request: Request) => Reply | undefined

export interface Server {
  origin: string
  /** Requests no route answered (404), as "METHOD /path": a vendor calling something new. */
  unanswered: Set<string>
  close(): void
}

export async function serve(routes: Route[]): Promise<Server> {
  const unanswered = new Set<string>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      const request = {
        method: req.method ?? 'GET',
        path: url.pathname,
        url,
        body: Buffer.concat(chunks),
      }
      let reply: Reply | undefined
      for (const route of routes) {
        reply = route(request)
        if (reply) break
      }
      if (!reply) {
        unanswered.add(`${request.method} ${request.path}`)
        return void res.writeHead(404).end()
      }
      const headers: Record<string, string> = { 'cache-control': reply.cache ?? 'no-store' }
      if (reply.type) headers['content-type'] = reply.type
      res.writeHead(reply.status ?? 200, headers).end(reply.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { origin, unanswered, close: () => server.close() }
}

/**
 * The same page for every SDK: it runs no script of its own, only the SDK's `head`. An empty
 * icon keeps the browser from asking for /favicon.ico, so every request is the SDK's.
 */
export function hostPage(head: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,">
${head}</head>
<body><main><h1>Reports</h1><p>A host page that runs no script of its own.</p></main></body></html>`
}
