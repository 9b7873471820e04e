import { connect } from 'node:net'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { Env } from '../routes/deps'
import { serveApp } from './serveApp'

describe('serveApp', () => {
  // One connection sending its body slowly (or never) kept a stopping collector running until
  // Node's 5-minute request timeout, past any supervisor's grace: killed, PGlite was never closed.
  it('closes once the requests in flight finish, or at the end of the grace period', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    let arrived = () => {}
    const started = new Promise<void>((resolve) => {
      arrived = resolve
    })
    const app = new Hono<Env>().get('/slow', async (c) => {
      arrived()
      await held
      return c.text('done')
    })
    const server = await serveApp(app, { graceMs: 500 })
    const slow = fetch(`${server.url}/slow`)
    await started
    // Headers sent, then a body that never comes.
    const stalled = connect(Number(new URL(server.url).port), '127.0.0.1')
    await new Promise((resolve) => stalled.once('connect', resolve))
    stalled.write('POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{')
    const closedAt = server.close().then(() => Date.now())
    const from = Date.now()
    release()
    const reply = await slow
    expect([reply.status, await reply.text()]).toEqual([200, 'done'])
    expect((await closedAt) - from).toBeLessThan(2_000)
    stalled.destroy()
  }, 10_000)

  // Node's default waits 5 minutes (checked every 30 s) for a request's body: a client sending a
  // byte now and then held its connection and what it had sent for that long, where the SDK
  // itself gives up on a request after 30 s.
  it('answers 408 and closes a connection whose request does not arrive in time', async () => {
    // The body never ends: reading it fails once Node cuts the request.
    const app = new Hono<Env>().post('/v1/batch', async (c) =>
      c.text(await c.req.text().catch(() => 'cut')),
    )
    const server = await serveApp(app, { requestTimeoutMs: 300 })
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    const from = Date.now()
    socket.write('POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{')
    let reply = ''
    socket.on('data', (chunk) => {
      reply += chunk.toString()
    })
    await new Promise((resolve) => socket.once('close', resolve))
    expect(reply).toMatch(/^HTTP\/1\.1 408/)
    expect(Date.now() - from).toBeLessThan(3_000)
    await server.close()
  }, 10_000)
})
