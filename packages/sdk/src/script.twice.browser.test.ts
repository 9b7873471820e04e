import { afterEach, expect, it, vi } from 'vitest'
import acme from '../../../test/fixtures/acme.config.json'
import { init } from './init'
import type { Sonde } from './runtime/types'

// Two tags of sonde.js on one page: a snippet pasted twice (a CMS template and a tag manager),
// or a second tag with other data-* (another team's project). Each import below is one tag's run
// of the bundle; loaded as modules, each reads the first tag with data-endpoint in the page.
const host = window as unknown as { sonde: Sonde }
const load = (copy: number) => import(/* @vite-ignore */ `./script?copy=${copy}`)
afterEach(() => {
  vi.restoreAllMocks()
  for (const tag of document.querySelectorAll('script[data-endpoint]')) tag.remove()
})

/** Options of a config at a URL holding `surveyId` alone, seen valid once on this site. */
async function seenValid(surveyId: string) {
  const endpoint = `https://collect.test/${crypto.randomUUID()}/v1/batch`
  const config = `https://collect.test/${surveyId}/config`
  // Seen valid once: the bundle then starts without loading the validator chunk by URL, which
  // this test server does not serve.
  const seen = init({ endpoint, config })
  await vi.waitFor(() => expect(seen.canShow(surveyId)).toEqual({ ok: true }))
  seen.destroy()
  return { endpoint, config }
}

function tag(data: { endpoint: string; config: string }) {
  const el = document.createElement('script')
  el.type = 'text/plain'
  Object.assign(el.dataset, data)
  document.head.append(el)
  return el
}

it('a second tag with other data-* says in one console error that it is ignored; the first runs on', async () => {
  vi.spyOn(window, 'fetch').mockImplementation(async (input) => {
    const id = new URL(String(input)).pathname.split('/')[1]
    return Response.json({ surveys: acme.surveys.filter((s) => s.id === id) })
  })
  const a = await seenValid('csat-ticket')
  const b = await seenValid('ces-export')
  const first = tag(a)
  await load(1)
  await vi.waitFor(() => expect(host.sonde.canShow('csat-ticket')).toEqual({ ok: true }))
  const api = host.sonde
  first.remove()
  tag(b)
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  await load(2)
  expect(error).toHaveBeenCalledOnce()
  expect(String(error.mock.calls[0]?.[0])).toMatch(/^\[sonde\] init\(\) ignored/)
  expect(host.sonde).toBe(api)
  expect(host.sonde.canShow('ces-export')).toMatchObject({ ok: false, reason: 'unknown' })
  host.sonde.destroy()
})

it('a first tag without data-* and a second with them: Sonde starts with the second', async () => {
  vi.spyOn(window, 'fetch').mockImplementation(async () =>
    Response.json({ surveys: acme.surveys.filter((s) => s.id === 'csat-ticket') }),
  )
  const b = await seenValid('csat-ticket')
  delete (window as { sonde?: unknown }).sonde
  await load(3)
  const api = host.sonde
  expect(api.canShow('csat-ticket')).toMatchObject({ ok: false, reason: 'loading' })
  tag(b)
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  await load(4)
  expect(host.sonde).toBe(api)
  await vi.waitFor(() => expect(host.sonde.canShow('csat-ticket')).toEqual({ ok: true }))
  expect(error).not.toHaveBeenCalled()
  host.sonde.destroy()
})
