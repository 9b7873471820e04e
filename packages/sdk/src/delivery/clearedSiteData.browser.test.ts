import { type Batch, historyKey } from '@sonde/core'
import { afterEach, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import acme from '../../../../test/fixtures/acme.config.json'
import { init } from '../init'
import { persistState } from '../runtime/persistState'
import type { Sonde } from '../runtime/types'
import { clearSiteData } from '../test/clearSiteData'
import { storeName } from './storeName'

// The user clears the site's data (the browser's settings, DevTools' Clear storage) while the
// page is open: Chromium deletes the databases and closes every connection by force, with a
// `close` event. What the visitor answers next is still stored, sent and remembered.
const realFetch = window.fetch
let sonde: Sonde | undefined
afterEach(() => {
  sonde?.destroy()
  window.fetch = realFetch
})

it('site data cleared mid-page: the next answer is sent, and its survey remembered', async () => {
  const batches: Batch[] = []
  window.fetch = async (_url: RequestInfo | URL, options?: RequestInit) => {
    const batch = JSON.parse(String(options?.body)) as Batch
    batches.push(batch)
    return Response.json({ accepted: batch.events.map((e) => e.id), rejected: [] })
  }
  const rejections: unknown[] = []
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason)
  window.addEventListener('unhandledrejection', onRejection)
  const endpoint = `https://collect.test/${crypto.randomUUID()}/v1/batch`
  const csat = acme.surveys[1] as (typeof acme.surveys)[number]
  const again = { ...csat, id: 'csat-again', trigger: { event: 'ticket_reopened' } }
  sonde = init({ endpoint, locale: 'en', config: { surveys: [csat, again] } } as never)
  const degraded: unknown[] = []
  sonde.on('delivery:degraded', (event) => degraded.push(event))
  const answer = async (event: string) => {
    sonde?.track(event)
    const four = page.getByRole('radio', { name: /^4/ })
    await expect.element(four).toBeVisible()
    await four.click()
    // The thank-you screen, closed: one prompt at a time.
    await userEvent.keyboard('{Escape}')
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument()
  }
  const completed = () =>
    batches.flatMap((b) => b.events).filter((e) => e.type === 'survey.completed').length
  try {
    await answer('ticket_closed')
    await expect.poll(completed).toBe(1)
    await clearSiteData()
    await answer('ticket_reopened')
    await expect.poll(completed).toBe(2)
    // The display history is written anew: the next page does not ask it again.
    const stored = await persistState(`${storeName(endpoint)}-state`).load()
    expect(stored?.history[historyKey('survey', 'csat-again')]).toMatchObject({ shown: 1 })
    expect(stored?.history[historyKey('survey', 'csat-again')]?.completedAt).toBeTypeOf('number')
    // Stored in a database made anew, not in memory.
    expect(degraded).toEqual([])
    expect(rejections).toEqual([])
  } finally {
    window.removeEventListener('unhandledrejection', onRejection)
  }
})
