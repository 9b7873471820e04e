import { createServer, connect as dial, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Database } from './database'
import { openPostgres } from './postgres'

const url = process.env.SONDE_TEST_DATABASE_URL

/**
 * A TCP relay to the test server whose connections can be frozen: bytes stop in both directions
 * and nothing is closed, as when a primary vanishes in a failover or a network partition. New
 * connections are relayed again, as to the new primary.
 */
async function startRelay(target: URL) {
  const pairs = new Set<[Socket, Socket]>()
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => {
    const upstream = dial(Number(target.port || 5432), target.hostname)
    const pair: [Socket, Socket] = [client, upstream]
    pairs.add(pair)
    sockets.add(client).add(upstream)
    client.pipe(upstream).pipe(client)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      pairs.delete(pair)
    }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  const relayed = new URL(target)
  relayed.hostname = '127.0.0.1'
  relayed.port = String(port)
  return {
    url: relayed.href,
    freeze() {
      for (const [client, upstream] of pairs) {
        client.unpipe()
        upstream.unpipe()
        client.pause()
        upstream.pause()
      }
      pairs.clear()
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

describe.skipIf(!url)('openPostgres', () => {
  let db: Database | undefined
  afterEach(async () => {
    // The frozen connections never answer a goodbye either.
    await Promise.race([db?.close(), new Promise((resolve) => setTimeout(resolve, 500))])
  })

  // A connection whose server vanished without a word took every query sent on it until the
  // kernel gave up on it (a quarter of an hour), and the pool kept handing those connections
  // out: the collector hung every batch and health check long after the new primary was up.
  it('gives up on a server that stopped answering, then works on fresh connections', async () => {
    const relay = await startRelay(new URL(url!))
    try {
      db = await openPostgres(relay.url, { max: 2, queryTimeoutMs: 1_000 })
      await Promise.all([db.query('select pg_sleep(0.05)'), db.query('select pg_sleep(0.05)')])
      // Migrations and folds run in transactions, which may rightly take longer.
      expect(await db.transaction((tx) => tx.query('select 2 as two from pg_sleep(1.2)'))).toEqual([
        { two: 2 },
      ])
      relay.freeze()
      // Each silent connection fails the query sent on it, once.
      const started = Date.now()
      const sent = [db.query('select 1 as one'), db.query('select 1 as one')]
      for (const query of sent) await expect(query).rejects.toThrow('Query read timeout')
      expect(Date.now() - started).toBeLessThan(3_000)
      expect(await db.query('select 1 as one')).toEqual([{ one: 1 }])
    } finally {
      await relay.close()
    }
  }, 15_000)
})
