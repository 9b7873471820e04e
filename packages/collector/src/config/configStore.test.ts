import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testConfig } from '../test/fixtures'
import { configsFromDirectory } from './configStore'

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

  it('never reads outside its directory', async () => {
    const store = configsFromDirectory(tmpdir(), () => undefined)
    expect(await store.load('../etc/passwd')).toBeNull()
  })
})
