import { describe, expect, it } from 'vitest'
import { readExportOptions, readStartOptions } from './options'

const env = { SONDE_DATA_DIR: '/tmp/sonde-test' }

describe('readExportOptions', () => {
  // As the stats API reads a range: a date is its whole day, so `--to` includes its day.
  it('reads --from and --to as the stats API does', () => {
    const options = readExportOptions(['--from', '2026-11-01', '--to', '2026-11-30'], env)
    expect(options).toMatchObject({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    })
    const exact = readExportOptions(['--to', '2026-11-30T12:00:00+01:00'], env)
    expect(exact.to).toBe('2026-11-30T11:00:00.000Z')
  })

  it.each([
    ['from', '2026-02-31'],
    ['from', '1'],
    ['to', '2026-11-01T00:00:00'],
    ['to', 'yesterday'],
  ])('refuses --%s %s, naming the flag', (flag, value) => {
    expect(() => readExportOptions([`--${flag}`, value], env)).toThrow(`--${flag}: expected a date`)
  })

  // As the stats API refuses one: swapped dates exported a header and "0 responses", read as a
  // month without answers.
  it.each([
    ['2026-11-30', '2026-11-01'],
    ['2026-11-01T12:00:00Z', '2026-11-01T12:00:00Z'],
  ])('refuses --from %s with --to %s', (from, to) => {
    expect(() => readExportOptions(['--from', from, '--to', to], env)).toThrow(
      '--to: expected a time after --from',
    )
  })
})

describe('readExportOptions flags', () => {
  // An export reads the database only: a projects file or configs folder given to it would be
  // ignored without a word.
  it.each(['--projects', '--configs'])('refuses %s, which export would ignore', (flag) => {
    expect(() => readExportOptions([flag, 'x'], env)).toThrow(`Unknown option '${flag}'`)
  })
})

describe('readStartOptions', () => {
  it('counts the proxies trusted to append to X-Forwarded-For', () => {
    expect(readStartOptions([], env).trustProxy).toBe(0)
    expect(readStartOptions(['--trust-proxy'], env).trustProxy).toBe(1)
    expect(readStartOptions([], { ...env, SONDE_TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(readStartOptions([], { ...env, SONDE_TRUST_PROXY: '2' }).trustProxy).toBe(2)
  })

  // Behind a load balancer, a SONDE_TRUST_PROXY that is not read makes every client one IP to
  // the rate limiter: the whole site's answers would share one bucket and get 429s.
  it.each(['true', 'yes', '1.5', '-1'])('refuses SONDE_TRUST_PROXY=%s, naming it', (value) => {
    expect(() => readStartOptions([], { ...env, SONDE_TRUST_PROXY: value })).toThrow(
      `SONDE_TRUST_PROXY: expected`,
    )
  })

  // A site whose visitors come from one office (or a carrier's NAT) larger than the default.
  it('reads the new responses a network may start a day, the flag before the variable', () => {
    expect(readStartOptions([], env).responsesPerNetwork).toBeUndefined()
    const vars = { ...env, SONDE_RESPONSES_PER_NETWORK: '5000' }
    expect(readStartOptions([], vars).responsesPerNetwork).toBe(5_000)
    const flag = ['--responses-per-network', '20000']
    expect(readStartOptions(flag, vars).responsesPerNetwork).toBe(20_000)
    expect(() => readStartOptions([], { ...env, SONDE_RESPONSES_PER_NETWORK: 'many' })).toThrow(
      'SONDE_RESPONSES_PER_NETWORK: expected',
    )
  })

  it('reads an empty variable as unset', () => {
    expect(readStartOptions([], { ...env, PORT: '', SONDE_TRUST_PROXY: '' })).toMatchObject({
      port: 8787,
      trustProxy: 0,
    })
  })

  it.each<[string[], Record<string, string>, string]>([
    [['--port', 'http'], {}, '--port: expected'],
    [['--port', '70000'], {}, '--port: expected'],
    [[], { PORT: 'http' }, 'PORT: expected'],
    [[], { PORT: '8787.5' }, 'PORT: expected'],
  ])('refuses the port of %j %j, naming where it came from', (args, vars, message) => {
    expect(() => readStartOptions(args, { ...env, ...vars })).toThrow(message)
    if (vars.PORT) expect(() => readStartOptions(args, { ...env, ...vars })).not.toThrow('--port')
  })
})

// The README's workspace commands pass flags through the package script after `--`
// (`pnpm --filter @sonde/collector start -- --port 8787`), which pnpm hands on as it is.
describe('flags after the `--` of a package script', () => {
  it('are read as flags by start', () => {
    const options = readStartOptions(['--', '--port', '8788', '--host', '127.0.0.1'], env)
    expect(options).toMatchObject({ port: 8788, host: '127.0.0.1' })
  })

  it('are read as flags by export', () => {
    expect(readExportOptions(['--', '--format', 'ndjson'], env).format).toBe('ndjson')
  })
})
