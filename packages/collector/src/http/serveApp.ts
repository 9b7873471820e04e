import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import type { Env } from '../routes/deps'

/** A collector listening on HTTP. */
export interface RunningServer {
  /** `http://host:port`, with the port actually bound. */
  url: string
  /**
   * Stops accepting, lets requests in flight finish (cut at the grace period's end), then
   * resolves.
   */
  close(): Promise<void>
}

// Past this, a stopping server drops the connections still open: a request cut short is not
// acknowledged, so the SDK sends it again, and the database can still be closed before a
// supervisor's SIGKILL (systemd waits 90 s, Kubernetes 30 s).
const defaultGraceMs = 10_000

// The SDK gives up on a request after 30 s and sends it again: a body still arriving after that
// is read for no one, and Node's default (5 minutes, checked every 30 s) let a client hold a
// connection and what it had sent of its body that long by sending a byte now and then.
const defaultRequestTimeoutMs = 30_000

/**
 * Serves an app on @hono/node-server and resolves once it listens. Port 0 takes any free port,
 * so tests and benchmarks never collide with a server already running.
 */
export async function serveApp(
  app: Hono<Env>,
  options: { port?: number; host?: string; graceMs?: number; requestTimeoutMs?: number } = {},
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const requestTimeout = options.requestTimeoutMs ?? defaultRequestTimeoutMs
  // An http.Server: serve makes another kind only when given its createServer. Node answers a
  // request not received in time with a 408 and closes its connection; it looks every
  // `connectionsCheckingInterval`, so a request is cut within 1.2 times the timeout.
  const server = serve({
    fetch: app.fetch,
    port: options.port ?? 0,
    hostname: host,
    serverOptions: {
      requestTimeout,
      connectionsCheckingInterval: Math.max(100, Math.round(requestTimeout / 5)),
    },
  }) as Server
  await new Promise((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // A connection sending its body slowly, or never, would hold the close for minutes.
        const cut = setTimeout(
          () => server.closeAllConnections(),
          options.graceMs ?? defaultGraceMs,
        )
        server.close((error) => {
          clearTimeout(cut)
          if (error) reject(error)
          else resolve()
        })
        server.closeIdleConnections()
      }),
  }
}
