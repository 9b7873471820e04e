import { afterEach, expect, it, vi } from 'vitest'
import { init } from './init'
import type { Sonde } from './runtime/types'

// The app's bundle imports @sonde/sdk and calls init() on a page where the sonde.js script tag
// runs too (pasted by another team, a tag manager): two Sondes, each counting every page view.
const host = window as unknown as { sonde?: unknown }
const made: Sonde[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const sonde of made.splice(0)) sonde.destroy()
  delete host.sonde
})

const start = () => {
  const sonde = init({ endpoint: `https://collect.test/${crypto.randomUUID()}/v1/batch` })
  made.push(sonde)
  return sonde
}

it('says so in one console error when the script tag runs on the page too', async () => {
  // What sonde.js makes of window.sonde once it has booted.
  host.sonde = { __sonde: true, init: () => {} }
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  start()
  await vi.waitFor(() => expect(error).toHaveBeenCalledOnce())
  expect(String(error.mock.calls[0]?.[0])).toMatch(/^\[sonde\] .*sonde\.js/)
})

it('says nothing beside a page of its own window.sonde, or none', async () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  start()
  host.sonde = { version: '3.2.1' }
  start()
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(error).not.toHaveBeenCalled()
})
