import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { start } from './start'

describe('start', () => {
  let dir = ''
  afterEach(() => rm(dir, { recursive: true, force: true }))

  // The port's 'error' went unhandled: a stack trace, and the PGlite database just opened and
  // migrated was never closed, which its files need to stay consistent, nor its lock released.
  it('refuses a port in use by naming it, closing the database first', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sonde-start-'))
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const { port } = taken.address() as { port: number }
    try {
      await expect(start({ port, host: '127.0.0.1', dataDir: dir, trustProxy: 0 })).rejects.toThrow(
        `cannot listen on 127.0.0.1:${port}: the port is in use (--port or PORT)`,
      )
      expect(existsSync(join(dir, 'sonde.lock'))).toBe(false)
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  }, 60_000)
})
