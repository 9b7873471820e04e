import type { Batch } from '@sonde/core'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import acme from '../../../test/fixtures/acme.config.json'
import { init } from './init'
import type { Sonde } from './runtime/types'

// A visitor's image in a comment or a profile (a name passes many sanitizers) names itself on the
// document before the built-in property: document.baseURI is then the element, and a URL resolved
// against it throws, whether the endpoint is relative or not.
const sentTo: string[] = []
const realFetch = window.fetch
const added: Element[] = []
let sonde: Sonde | undefined

beforeEach(() => {
  sentTo.length = 0
  window.fetch = vi.fn(async (input: RequestInfo | URL, options?: RequestInit) => {
    const url = String(input)
    if (!url.includes('/v1/batch')) return realFetch(input, options)
    sentTo.push(url)
    const batch = JSON.parse(String(options?.body)) as Batch
    return new Response(JSON.stringify({ accepted: batch.events.map((e) => e.id), rejected: [] }))
  }) as typeof fetch
})
afterEach(() => {
  sonde?.destroy()
  for (const el of added.splice(0)) el.remove()
  vi.restoreAllMocks()
  window.fetch = realFetch
})

const put = (parent: Element, tag: string, attributes: Record<string, string>) => {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value)
  added.push(parent.appendChild(el))
}
const shown = () =>
  [...document.querySelectorAll('*')].some((el) => el.shadowRoot?.querySelector('[role=dialog]'))

/** Starts Sonde on `endpoint`, shows the CSAT survey and gives where its events were sent. */
async function showAndSend(endpoint: string): Promise<string[]> {
  const error = vi.spyOn(console, 'error')
  sonde = init({ endpoint, key: 'pk_test', locale: 'en', config: { surveys: [acme.surveys[1]] } })
  sonde.track('ticket_closed')
  await vi.waitFor(() => expect(shown() || error.mock.calls.length > 0).toBe(true), 5_000)
  expect(error).not.toHaveBeenCalled()
  await sonde.flush()
  return sentTo
}

it("a visitor's <img name=baseURI> leaves a relative endpoint resolved against the page", async () => {
  put(document.body, 'img', { name: 'baseURI', alt: '' })
  expect(document.baseURI).toBeInstanceOf(HTMLImageElement)
  const path = `/${crypto.randomUUID()}/v1/batch`
  expect(await showAndSend(path)).toEqual([`${location.origin}${path}`])
})

it('and an absolute one as it is, which the element made fail to resolve too', async () => {
  put(document.body, 'img', { name: 'baseURI', alt: '' })
  const endpoint = `https://collect.test/${crypto.randomUUID()}/v1/batch`
  expect(await showAndSend(endpoint)).toEqual([endpoint])
})

it('and against the base the page gives, as its <base href> says', async () => {
  put(document.head, 'base', { href: `${location.origin}/app/` })
  put(document.body, 'img', { name: 'baseURI', alt: '' })
  const folder = crypto.randomUUID()
  expect(await showAndSend(`${folder}/v1/batch`)).toEqual([
    `${location.origin}/app/${folder}/v1/batch`,
  ])
})
