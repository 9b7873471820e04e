import { expect, it, vi } from 'vitest'
import acme from '../../../test/fixtures/acme.config.json'
import { init } from './init'
import type { Sonde } from './runtime/types'

// window.sonde torn down and started again at once, as React StrictMode runs an effect, undoes it
// and runs it again: the last init must be the one running.
const options = (surveyId: string) => ({
  endpoint: `https://collect.test/${crypto.randomUUID()}/v1/batch`,
  config: { surveys: acme.surveys.filter((s) => s.id === surveyId) },
})
const host = window as unknown as { sonde: Sonde & { init(options: unknown): Sonde } }
const seen = options('ces-export')

it('init, destroy, init while the first options are checked: the second one runs', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  // Seen valid once on this site: the bundle then starts it without loading the validator chunk
  // by URL, which this test server does not serve.
  const before = init(seen)
  await vi.waitFor(() => expect(before.canShow('ces-export')).toEqual({ ok: true }))
  before.destroy()
  await import('./script')
  // Options not seen before: their check is still loading when the effect is torn down.
  host.sonde.init(options('csat-ticket'))
  host.sonde.destroy()
  host.sonde.init(seen)
  await vi.waitFor(() => expect(host.sonde.canShow('ces-export')).toEqual({ ok: true }), {
    timeout: 3_000,
  })
  host.sonde.destroy()
})

it('init then destroy in one task: the destroyed Sonde does not come back as the instance', async () => {
  host.sonde.init(seen)
  host.sonde.destroy()
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(host.sonde.canShow('ces-export')).toEqual({ ok: false, reason: 'loading' })
  host.sonde.init(seen)
  await vi.waitFor(() => expect(host.sonde.canShow('ces-export')).toEqual({ ok: true }))
  host.sonde.destroy()
})
