import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { migrate } from '../db/migrations'
import { openPglite } from '../db/pglite'
import { makeBatch, npsEvent } from '../test/fixtures'
import { postBatch, readJson, resetDatabase, testApp } from '../test/harness'
import { eraseCommand } from './eraseCommand'
import { readEraseOptions } from './options'

const scratch = mkdtempSync(join(tmpdir(), 'sonde-erase-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const said: string[] = []
beforeEach(() => {
  said.length = 0
  vi.spyOn(console, 'error').mockImplementation((line: string) => void said.push(line))
})
afterEach(() => vi.restoreAllMocks())

/** The server's data directory, with one answer of u_42 and one of u_7. */
async function serverData(name: string): Promise<string> {
  const dataDir = join(scratch, name)
  const db = await openPglite(dataDir)
  await migrate(db)
  await resetDatabase(db)
  const context = (id: string) => ({ user: { id, known: true } })
  const events = [
    npsEvent(0, { context: context('u_42') }),
    npsEvent(10, { context: context('u_7') }),
  ]
  expect((await readJson(await postBatch(testApp(db), makeBatch(events)))).rejected).toEqual([])
  await db.close()
  return dataDir
}

// The embedded database is the default, and psql cannot open it: the README's erasure had no
// way to be run there short of writing a program.
describe('sonde-collector erase on the embedded database', () => {
  it("erases a person's answers, which the stats then leave out", async () => {
    const dataDir = await serverData('one')
    const args = ['--project', 'pk_test', '--user-id', 'u_42', '--data-dir', dataDir]
    await eraseCommand(readEraseOptions(args, {}))
    expect(said).toEqual([
      '[sonde-collector] erased 1 events and 1 responses of user id "u_42" in pk_test',
    ])
    const db = await openPglite(dataDir)
    try {
      const res = await testApp(db).request('/v1/stats/nps-q4?key=pk_test', {
        headers: { authorization: 'Bearer rk_test_0123456789abcdef' },
      })
      const body = await readJson(res)
      expect(body.counts).toMatchObject({ responses: 1, answered: 1 })
      expect(body.score).toMatchObject({ n: 1, score: 100 })
    } finally {
      await db.close()
    }
  })

  it('says when it found nobody, as for a mistyped id', async () => {
    const dataDir = await serverData('two')
    await eraseCommand(
      readEraseOptions(
        ['--project', 'pk_test', '--anonymous-id', 'a_9', '--data-dir', dataDir],
        {},
      ),
    )
    expect(said).toEqual([
      '[sonde-collector] no events of anonymous id "a_9" in pk_test: nothing erased',
    ])
  })

  it("deletes a survey's data, which the list of surveys then leaves out", async () => {
    const dataDir = await serverData('three')
    const args = ['--project', 'pk_test', '--survey', 'nps-q4', '--data-dir', dataDir]
    await eraseCommand(readEraseOptions(args, {}))
    expect(said).toEqual([
      '[sonde-collector] erased 2 events and 2 responses of survey "nps-q4" in pk_test',
    ])
  })

  it("erases a whole project's data when told to", async () => {
    const dataDir = await serverData('four')
    await eraseCommand(
      readEraseOptions(['--project', 'pk_test', '--all', '--data-dir', dataDir], {}),
    )
    expect(said).toEqual([
      '[sonde-collector] erased 2 events and 2 responses of all its data in pk_test',
    ])
  })

  it('refuses a data directory without a database', async () => {
    const dataDir = join(scratch, 'none')
    const options = readEraseOptions(
      ['--project', 'pk_test', '--user-id', 'u_42', '--data-dir', dataDir],
      {},
    )
    await expect(eraseCommand(options)).rejects.toThrow(`no database in ${dataDir}`)
  })

  it.each([
    [['--user-id', 'u_42'], '--project'],
    [['--project', 'pk_test'], '--survey and/or --before (a survey, older data), or --all'],
    [['--project', 'pk_test', '--user-id', 'u_42', '--survey', 'nps-q4'], 'alone'],
    [['--project', 'pk_test', '--before', '2026-13-01'], '--before: expected a date'],
    [['--project', 'pk_test', '--user-id', 'u_42', '--anonymous-id', 'a_42'], 'one of'],
    [['--project', 'pk_test', '--user-id', ''], 'one of'],
    [['--project', 'pk_test', '--all', '--survey', 'nps-q4'], '--all: the whole project alone'],
    [['--project', 'pk_test', '--all', '--user-id', 'u_42'], 'alone'],
  ])('refuses %j', (args, message) => {
    expect(() => readEraseOptions(args, {})).toThrow(message)
  })
})
