import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import type { Env } from '../routes/deps'

/** A collector listening on HTTP. */
export interface RunningServer {
  /** `http://host:port`, with the port actually bound. */
  url: string
  /** Stops accepting, lets requests in flight finish, then resolves. */
  close(): Promise<void>
}

/**
 * Serves an app on @hono/node-server and resolves once it listens. Port 0 takes any free port,
 * so tests and benchmarks never collide with a server already running.
 */
export async function serveApp(
  app: Hono<Env>,
  options: { port?: number; host?: string } = {},
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host })
  await new Promise((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  }
}
