import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testConfig } from '../test/fixtures'
import { configsFor, configsFromDirectory } from './configStore'

describe('configsFromDirectory', () => {
  it('serves the valid part of <key>.json, logs the rest, rereads it on change', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sonde-configs-'))
    const logs: string[] = []
    const store = configsFromDirectory(dir, (message) => logs.push(message))
    expect(await store.load('pk_a')).toBeNull()

    const broken = { surveys: [...testConfig.surveys, { id: 'bad', version: 0 }] }
    await writeFile(join(dir, 'pk_a.json'), JSON.stringify(broken))
    const first = await store.load('pk_a')
    expect(first?.config.surveys?.map((survey) => survey.id)).toEqual([
      'nps-q4',
      'csat-ticket',
      'ces-export',
    ])
    expect(logs.some((line) => line.includes('surveys[3]'))).toBe(true)
    expect(await store.load('pk_a')).toBe(first)

    await writeFile(join(dir, 'pk_a.json'), JSON.stringify({ surveys: [testConfig.surveys[0]] }))
    const second = await store.load('pk_a')
    expect(second?.config.surveys).toHaveLength(1)
    expect(second?.etag).not.toBe(first?.etag)
  })

  // An editor's save caught half written, or a stray comma: serving {} instead took every
  // survey off every page, for as long as browsers and CDNs keep the config.
  it('keeps serving the last config that parsed while the file is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sonde-configs-'))
    const logs: string[] = []
    const store = configsFromDirectory(dir, (message) => logs.push(message))
    const text = JSON.stringify({ surveys: [testConfig.surveys[0]] })
    await writeFile(join(dir, 'pk_a.json'), text)
    const good = await store.load('pk_a')
    await writeFile(join(dir, 'pk_a.json'), text.slice(0, 40))
    expect(await store.load('pk_a')).toBe(good)
    expect(logs).toEqual([expect.stringContaining('pk_a.json')])
    await writeFile(join(dir, 'pk_a.json'), JSON.stringify({ surveys: [] }))
    expect((await store.load('pk_a'))?.config.surveys).toEqual([])
  })

  // JSON, but no config: a list of surveys pasted as the whole file, or "surveys" keyed by id.
  // Served as {} under a new ETag, it took every survey off every page just the same.
  it.each([
    ['a list', JSON.stringify(testConfig.surveys)],
    ['surveys as an object', JSON.stringify({ surveys: { a: testConfig.surveys[0] } })],
  ])('keeps serving the last config that parsed while the file is %s', async (_, broken) => {
    const dir = await mkdtemp(join(tmpdir(), 'sonde-configs-'))
    const logs: string[] = []
    const store = configsFromDirectory(dir, (message) => logs.push(message))
    await writeFile(join(dir, 'pk_a.json'), JSON.stringify({ surveys: [testConfig.surveys[0]] }))
    const good = await store.load('pk_a')
    await writeFile(join(dir, 'pk_a.json'), broken)
    expect(await store.load('pk_a')).toBe(good)
    expect(logs).toEqual([expect.stringContaining('still serving the last valid one')])
  })

  // Node 20 says where JSON breaks only as a character offset; the team editing the file reads
  // the log for the line to fix.
  it('says on which line the file stops being JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sonde-configs-'))
    const logs: string[] = []
    const store = configsFromDirectory(dir, (message) => logs.push(message))
    await writeFile(join(dir, 'pk_a.json'), '{\n  "surveys": [],\n}\n')
    await store.load('pk_a')
    expect(logs).toEqual([expect.stringMatching(/pk_a\.json: .*line 3 column 1/)])
  })

  it('never reads outside its directory', async () => {
    const store = configsFromDirectory(tmpdir(), () => undefined)
    expect(await store.load('../etc/passwd')).toBeNull()
  })
})

// README: a config is re-read when it changes, without a restart. That holds for the first one
// too: a collector started before its configs folder exists (the default, beside the projects
// file) serves a config put there later.
describe('configsFor', () => {
  it('serves a config from a folder made after start', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'sonde-configs-')), 'configs')
    const logs: string[] = []
    const store = configsFor(dir, (message) => logs.push(message))
    // Said at start, in case the path is mistyped.
    expect(logs).toEqual([expect.stringContaining(`no configs folder at ${dir}`)])
    expect(await store.load('pk_a')).toBeNull()
    await mkdir(dir)
    await writeFile(join(dir, 'pk_a.json'), JSON.stringify({ surveys: [testConfig.surveys[0]] }))
    expect((await store.load('pk_a'))?.config.surveys).toHaveLength(1)
  })

  it('serves nothing without a folder', async () => {
    expect(await configsFor(undefined).load('pk_a')).toBeNull()
  })
})
