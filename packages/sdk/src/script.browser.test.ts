import { afterEach, expect, it, vi } from 'vitest'
import acme from '../../../test/fixtures/acme.config.json'
import { init } from './init'
import type { Sonde } from './runtime/types'

// The script-tag bundle's window.sonde, in Chromium. Its other paths run in test/e2e on pages
// that load the built bundle; this one needs two option sets in one page.
afterEach(() => vi.restoreAllMocks())

const options = (surveyId: string) => ({
  endpoint: `https://collect.test/${crypto.randomUUID()}/v1/batch`,
  config: { surveys: acme.surveys.filter((s) => s.id === surveyId) },
})

it('starts a new Sonde on init() after destroy() (a host signing another account in)', async () => {
  const a = options('csat-ticket')
  const b = options('ces-export')
  // Both seen valid once on this site: the bundle then starts them without loading the validator
  // chunk by URL, which this test server does not serve.
  for (const seen of [a, b]) {
    const sonde = init(seen)
    await vi.waitFor(() =>
      expect(sonde.canShow(seen.config.surveys[0]?.id ?? '')).toEqual({ ok: true }),
    )
    sonde.destroy()
  }
  await import('./script')
  const host = window as unknown as { sonde: Sonde & { init(options: unknown): Sonde } }
  host.sonde.init(a)
  await vi.waitFor(() => expect(host.sonde.canShow('csat-ticket')).toEqual({ ok: true }))
  host.sonde.destroy()
  // Until the next init, calls wait for it, as they do before the first.
  host.sonde.track('export_completed')
  host.sonde.init(b)
  await vi.waitFor(() => expect(host.sonde.canShow('ces-export')).toEqual({ ok: true }))
  expect(host.sonde.canShow('csat-ticket')).toMatchObject({ ok: false, reason: 'unknown' })
  host.sonde.destroy()
})

it('says so in one console error when init() comes while a Sonde runs (a second tag, a late call)', async () => {
  const a = options('csat-ticket')
  const seen = init(a)
  await vi.waitFor(() => expect(seen.canShow('csat-ticket')).toEqual({ ok: true }))
  seen.destroy()
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  await import('./script')
  const host = window as unknown as { sonde: Sonde & { init(options: unknown): Sonde } }
  host.sonde.init(a)
  await vi.waitFor(() => expect(host.sonde.canShow('csat-ticket')).toEqual({ ok: true }))
  host.sonde.init({ ...a, user: { id: 'u_42' } })
  expect(error).toHaveBeenCalledOnce()
  expect(String(error.mock.calls[0]?.[0])).toMatch(/^\[sonde\] init\(\) ignored/)
  host.sonde.destroy()
})

it('judges calls that waited for init on the traits and properties given at the call', async () => {
  const csat = acme.surveys.find((s) => s.id === 'csat-ticket')
  const survey = {
    ...csat,
    id: 'csv-export',
    trigger: { event: 'export_finished', where: { format: 'csv' } },
    audience: { traits: [{ key: 'plan', op: 'eq', value: 'pro' }] },
  }
  const a = { ...options('csat-ticket'), config: { surveys: [survey] }, debug: true }
  const seen = init(a)
  await seen.flush()
  seen.destroy()
  const debug = vi.spyOn(console, 'debug').mockImplementation(() => {})
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  await import('./script')
  const host = window as unknown as { sonde: Sonde & { init(options: unknown): Sonde } }
  // The host's objects, changed after the calls (reused for the next export, a user updated).
  const traits = { plan: 'pro' }
  const properties = { format: 'csv' }
  host.sonde.identify('u_42', traits)
  host.sonde.track('export_finished', properties)
  traits.plan = 'free'
  properties.format = 'xlsx'
  host.sonde.init(a)
  // Due, it is shown: its UI chunk, which this test server does not serve, is asked for.
  await vi.waitFor(() => expect(String(error.mock.calls[0]?.[0])).toBe('[sonde] could not show'))
  expect(debug.mock.calls.flat().join('\n')).not.toMatch(/csv-export not shown/)
  host.sonde.destroy()
})
