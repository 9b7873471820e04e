import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lockDataDir } from './lockDataDir'

// Two live processes: this one and its parent.
const self = process.pid
const other = process.ppid

describe('lockDataDir', () => {
  let dir = ''
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('lets exactly one of two processes starting together have the directory', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sonde-lock-'))
    const results = await Promise.allSettled([lockDataDir(dir, self), lockDataDir(dir, other)])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const [refused] = results.filter((result) => result.status === 'rejected')
    expect(String(refused?.reason)).toContain('is in use by process')
  })

  it('refuses a directory a live process holds, and takes one a dead process left', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sonde-lock-'))
    const unlock = await lockDataDir(dir, other)
    await expect(lockDataDir(dir, self)).rejects.toThrow(`in use by process ${other}`)
    await unlock()
    // No process has pid 2^22 + 1 (Linux's pid_max is at most 2^22).
    await writeFile(join(dir, 'sonde.lock'), String(2 ** 22 + 1))
    const release = await lockDataDir(dir, self)
    expect(await readFile(join(dir, 'sonde.lock'), 'utf8')).toBe(String(self))
    await release()
  })
})
