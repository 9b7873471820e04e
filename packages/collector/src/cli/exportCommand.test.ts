import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exportCommand } from './exportCommand'

const scratch = mkdtempSync(join(tmpdir(), 'sonde-export-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

// `sonde-collector export` run from another folder than the server's reads ./sonde-data: a
// folder with no database in it is a wrong path, not a project without responses.
describe('export from a data directory without a database', () => {
  it('is refused, naming the directory and how to point at the right one', async () => {
    const dataDir = join(scratch, 'sonde-data')
    await expect(exportCommand({ format: 'csv', dataDir })).rejects.toThrow(
      `no database in ${dataDir}`,
    )
  })

  it('leaves no new database behind', async () => {
    const dataDir = join(scratch, 'typo')
    await exportCommand({ format: 'ndjson', dataDir }).catch(() => {})
    expect(existsSync(dataDir)).toBe(false)
  })
})
