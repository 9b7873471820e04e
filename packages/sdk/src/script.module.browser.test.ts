import { afterEach, expect, it, vi } from 'vitest'
import acme from '../../../test/fixtures/acme.config.json'
import { init } from './init'
import type { Sonde } from './runtime/types'

// sonde.js loaded as <script type="module">: the browser gives it no document.currentScript, as
// this test's import of the bundle's module has none either.
afterEach(() => vi.restoreAllMocks())

it('starts from its data-* attributes when loaded as type="module"', async () => {
  const endpoint = `https://collect.test/${crypto.randomUUID()}/v1/batch`
  const config = 'https://collect.test/v1/config'
  const surveys = acme.surveys.filter((s) => s.id === 'csat-ticket')
  vi.spyOn(window, 'fetch').mockImplementation(async () => Response.json({ surveys }))
  // Seen valid once on this site: the bundle then starts without loading the validator chunk by
  // URL, which this test server does not serve.
  const seen = init({ endpoint, config })
  await vi.waitFor(() => expect(seen.canShow('csat-ticket')).toEqual({ ok: true }))
  seen.destroy()

  const tag = document.createElement('script')
  tag.type = 'module'
  tag.src = 'https://cdn.test/sonde/sonde.js'
  Object.assign(tag.dataset, { endpoint, config })
  // Its own fetch fails (no such host): the import below is its run.
  document.head.append(tag)
  await import('./script')
  const host = window as unknown as { sonde: Sonde }
  await vi.waitFor(() => expect(host.sonde.canShow('csat-ticket')).toEqual({ ok: true }))
  host.sonde.destroy()
  tag.remove()
})
