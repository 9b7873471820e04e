import { expect, it } from 'vitest'

// Pages whose `window.sonde` is already something before the script-tag bundle arrives without
// the stub. Each case imports its own copy of the bundle's module.
const host = window as unknown as { sonde: unknown }
let copies = 0
const load = (copy: number) => import(/* @vite-ignore */ `./script?copy=${copy}`)

it.each<[string, unknown]>([
  ['an app namespace', { version: '3.2.1' }],
  ['a string', 'sonde'],
  ['a number', 1],
])("leaves a page's own window.sonde alone: %s", async (_, own) => {
  host.sonde = own
  await load(++copies)
  expect(host.sonde).toBe(own)
})

it('starts on a page with an element id="sonde" (the browser names it window.sonde)', async () => {
  delete (host as { sonde?: unknown }).sonde
  const el = document.createElement('div')
  el.id = 'sonde'
  document.body.append(el)
  expect(host.sonde).toBe(el)
  await load(++copies)
  const api = host.sonde as { __sonde?: boolean }
  expect(api.__sonde).toBe(true)
  // A second copy of the bundle on the page leaves the first one in charge.
  await load(++copies)
  expect(host.sonde).toBe(api)
  el.remove()
})
