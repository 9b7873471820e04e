import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readProjects } from '../projects/loadProjectsFile'
import { readStatsQuery } from '../stats/statsQuery'
import { eraseFlags, exportFlags, startFlags } from './options'
import { usage } from './usage'

// The README's CLI section is where operators learn the collector's flags and variables: each
// one the CLI reads is there, or nobody finds it.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const cli = readme.split(/^## /m).find((part) => part.startsWith('CLI\n')) ?? ''
const [start = '', exportAndErase = ''] = cli.split('sonde-collector export')
const [exporting = '', ...erases] = exportAndErase.split('sonde-collector erase')
const erasing = erases.join('')
const VARIABLES = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'SONDE_DATA_DIR',
  'SONDE_PROJECTS',
  'SONDE_CONFIGS',
  'SONDE_TRUST_PROXY',
  'SONDE_RESPONSES_PER_NETWORK',
]

describe("the collector README's CLI section", () => {
  it.each(Object.keys(startFlags))('documents start --%s', (flag) => {
    expect(start).toMatch(new RegExp(`--${flag}\\b`))
  })

  it.each(Object.keys(exportFlags))('documents export --%s', (flag) => {
    expect(exporting).toMatch(new RegExp(`--${flag}\\b`))
  })

  it.each(Object.keys(eraseFlags))('documents erase --%s', (flag) => {
    expect(erasing).toMatch(new RegExp(`--${flag}\\b`))
  })

  it.each(VARIABLES)('documents %s', (name) => {
    expect(cli).toMatch(new RegExp(`\`${name}(=N)?\``))
  })

  // --help is what an operator on the server reads: the same commands, flags and variables.
  it('shows the commands as --help does', () => {
    const commands = (/```\n([\s\S]*?)```/.exec(cli)?.[1] ?? '').trim().split('\n')
    const shown = usage.split('\n').filter((line) => line.startsWith('  '))
    expect(shown.map((line) => line.slice(2))).toEqual(commands)
  })

  it.each(VARIABLES)('has --help name %s', (name) => {
    expect(usage).toMatch(new RegExp(`\\b${name}\\b`))
  })
})

// What an operator copies from the README works as it is.
describe("the collector README's examples", () => {
  it('has a projects file the collector accepts', () => {
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) =>
      JSON.parse(m[1] ?? ''),
    )
    const projects = blocks.filter((block) => 'projects' in block)
    expect(projects).toHaveLength(1)
    expect(() => readProjects(projects[0], 'README')).not.toThrow()
  })

  it('has a stats request the API accepts', () => {
    const [, query = ''] = /`GET \/v1\/stats\/[\w-]+\?([^`]+)`/.exec(readme) ?? []
    expect(query).toContain('segment=')
    expect(readStatsQuery(Object.fromEntries(new URLSearchParams(query)))).toMatchObject({
      ok: true,
    })
  })
})
