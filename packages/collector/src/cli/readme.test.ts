import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exportFlags, startFlags } from './options'

// The README's CLI section is where operators learn the collector's flags and variables: each
// one the CLI reads is there, or nobody finds it.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const cli = readme.split(/^## /m).find((part) => part.startsWith('CLI\n')) ?? ''
const [start = '', exporting = ''] = cli.split('sonde-collector export')
const VARIABLES = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'SONDE_DATA_DIR',
  'SONDE_PROJECTS',
  'SONDE_CONFIGS',
  'SONDE_TRUST_PROXY',
]

describe("the collector README's CLI section", () => {
  it.each(Object.keys(startFlags))('documents start --%s', (flag) => {
    expect(start).toMatch(new RegExp(`--${flag}\\b`))
  })

  it.each(Object.keys(exportFlags))('documents export --%s', (flag) => {
    expect(exporting).toMatch(new RegExp(`--${flag}\\b`))
  })

  it.each(VARIABLES)('documents %s', (name) => {
    expect(cli).toMatch(new RegExp(`\`${name}(=N)?\``))
  })
})
