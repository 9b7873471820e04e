import { afterEach, expect, it, vi } from 'vitest'
import { init } from './init'
import type { Sonde } from './runtime/types'

// The app's bundle imports @sonde/sdk and calls init() on a page where the sonde.js script tag
// is loaded too (pasted by another team, a tag manager). Each import of ./script below is one
// tag's run of the bundle, as in script.twice.browser.test.ts.
const host = window as unknown as {
  sonde?: Sonde & { __sonde?: true; init(options: { endpoint: string }): unknown }
}
const load = (copy: string) => import(/* @vite-ignore */ `./script?beside=${copy}`)
const made: Sonde[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const sonde of made.splice(0)) sonde.destroy()
  host.sonde?.destroy?.()
  delete host.sonde
})

const endpoint = () => `https://collect.test/${crypto.randomUUID()}/v1/batch`
const start = () => {
  const sonde = init({ endpoint: endpoint() })
  made.push(sonde)
  return sonde
}

it('says so in one console error when the script tag runs a Sonde on the page too', async () => {
  await load('running')
  host.sonde?.init({ endpoint: endpoint() })
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  start()
  await vi.waitFor(() => expect(error).toHaveBeenCalledOnce())
  expect(String(error.mock.calls[0]?.[0])).toMatch(/^\[sonde\] .*sonde\.js/)
})

// A tag manager may load the bundle on every page with nothing to start: no data-*, no init.
it('says nothing beside a script tag that runs no Sonde', async () => {
  await load('idle')
  expect(host.sonde?.__sonde).toBe(true)
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  start()
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(error).not.toHaveBeenCalled()
})

it('says nothing beside a page of its own window.sonde, or none', async () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  start()
  ;(host as { sonde?: unknown }).sonde = { version: '3.2.1' }
  start()
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(error).not.toHaveBeenCalled()
})

// init() twice for one project (a component mounted twice, its cleanup forgotten): each Sonde
// counts every page view, so page-view audiences are met too soon, with nothing said.
it('says so in one console error when init() runs again for a project already running', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  const options = { endpoint: endpoint(), key: 'pk_a' }
  made.push(init(options))
  made.push(init({ ...options, locale: 'fr' }))
  expect(error).toHaveBeenCalledOnce()
  expect(String(error.mock.calls[0]?.[0])).toMatch(
    /^\[sonde\] init\(\) again for .*pk_a.* while its Sonde runs/,
  )
})

it("says nothing after destroy() (React StrictMode's effect: run, undone, run again), nor for another project", () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  const options = { endpoint: endpoint(), key: 'pk_a' }
  init(options).destroy()
  made.push(init(options))
  made.push(init({ ...options, key: 'pk_b' }))
  made.push(init({ endpoint: endpoint(), key: 'pk_a' }))
  expect(error).not.toHaveBeenCalled()
})
