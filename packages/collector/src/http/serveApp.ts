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

/**
 * Serves an app on @hono/node-server and resolves once it listens. Port 0 takes any free port,
 * so tests and benchmarks never collide with a server already running.
 */
export async function serveApp(
  app: Hono<Env>,
  options: { port?: number; host?: string; graceMs?: number } = {},
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  // An http.Server: serve makes another kind only when given its createServer.
  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }) as Server
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
