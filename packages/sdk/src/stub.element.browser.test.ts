import { expect, test } from 'vitest'

// A page with an element id="sonde": the browser names it window.sonde (named access), which is
// not a Sonde. The stub must still install, or host code calling window.sonde.init() throws.
test('installs on a page whose element id="sonde" the browser names window.sonde', async () => {
  const element = document.createElement('div')
  element.id = 'sonde'
  document.body.append(element)
  const host = window as unknown as { sonde: unknown }
  expect(host.sonde).toBe(element)
  // @ts-expect-error stub.ts is a classic script (an IIFE pasted inline), not a module
  await import('./stub')
  const stub = host.sonde as { _q: unknown[]; track(name: string): unknown }
  expect(() => stub.track('export_completed')).not.toThrow()
  expect(stub._q).toEqual([['track', ['export_completed']]])
})
