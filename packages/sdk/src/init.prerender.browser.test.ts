import { afterEach, expect, it } from 'vitest'
import { storeName } from './delivery/storeName'
import { init } from './init'
import type { Sonde } from './runtime/types'

// The npm entry on a page Chrome prerenders (speculation rules), which the visitor may never see:
// nothing is stored, counted or shown before it is activated, then Sonde starts as on any page
// load, the calls made meanwhile in order. Chromium prerenders nothing while DevTools drives it,
// so the page says it is prerendering and fires the activation as Chrome would; the script tag
// is tested in a real prerender (test/e2e/prerender.e2e.ts).
let sonde: Sonde | undefined
afterEach(() => {
  sonde?.destroy()
  delete (document as { prerendering?: boolean }).prerendering
})

it('starts Sonde only once the prerendered page is activated', async () => {
  Object.defineProperty(document, 'prerendering', { configurable: true, value: true })
  const endpoint = `https://collect.test/${crypto.randomUUID()}/v1/batch`
  const ns = storeName(endpoint)
  const stored = () => Object.keys(localStorage).filter((key) => key.startsWith(`${ns}:`))
  const survey = {
    id: 'csat-prerender',
    version: 1,
    kind: 'csat' as const,
    locale: 'en',
    questions: [{ id: 'csat', type: 'rating' as const, scale: 5 as const, text: 'How was it?' }],
    trigger: { event: 'ticket_closed' },
  }
  sonde = init({ endpoint, locale: 'en', config: { surveys: [survey] } })
  sonde.track('ticket_closed')
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  expect(stored()).toEqual([])
  expect(sonde.canShow('csat-prerender')).toEqual({ ok: false, reason: 'loading' })

  Object.defineProperty(document, 'prerendering', { configurable: true, value: false })
  document.dispatchEvent(new Event('prerenderingchange'))
  // The visit starts now, its event counted: the prompt the event asked for is on screen.
  await expect.poll(() => stored(), { timeout: 5_000 }).toContain(`${ns}:session`)
  const dialog = () =>
    [...document.querySelectorAll('*')].some((el) => el.shadowRoot?.querySelector('[role=dialog]'))
  await expect.poll(dialog, { timeout: 5_000 }).toBe(true)
})
