import { afterEach, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import acme from '../../../../test/fixtures/acme.config.json'
import { init } from '../init'
import type { Sonde } from './types'

// Host pages that replace <body> on navigation (Hotwire Turbo Drive, htmx boost, pjax) or clear
// its children as their framework mounts: what Sonde put on screen is taken out of the page with
// the old body, and must come back in the new one, not stay shown to nobody with the screen lock.
const made: Sonde[] = []
const start = location.href
afterEach(() => {
  for (const sonde of made.splice(0)) sonde.destroy()
  for (const el of document.querySelectorAll('sonde-root')) el.remove()
  history.replaceState(null, '', start)
})

const csat = acme.surveys.find((s) => s.id === 'csat-ticket') as (typeof acme.surveys)[number]
const sonde = (config: object) => {
  const started = init({
    endpoint: `https://collect.test/${crypto.randomUUID()}/v1/batch`,
    locale: 'en',
    config,
  } as Parameters<typeof init>[0])
  made.push(started)
  return started
}

/** A Turbo Drive visit: the history entry first, then the new page's body in place of the old. */
function turboVisit(path: string) {
  history.pushState({ turbo: true }, '', path)
  const body = document.createElement('body')
  const main = document.createElement('main')
  main.textContent = `The page at ${path}`
  body.append(main)
  document.body.replaceWith(body)
}

/** The shadow root of the open top-layer surface (prompt or tooltip) Sonde shows, if any. */
const onScreen = () =>
  [...document.querySelectorAll('sonde-root')]
    .map((el) => el.shadowRoot)
    .find((root) => root?.querySelector('[role=dialog]:popover-open')) ?? null

it('a survey on screen when Turbo swaps the body is on screen in the new body, and can be answered', async () => {
  const s = sonde({ surveys: [csat] })
  const shown = vi.fn()
  const completed = vi.fn()
  s.on('survey:shown', shown)
  s.on('survey:completed', completed)
  s.track('ticket_closed')
  await vi.waitFor(() => expect(onScreen()).not.toBeNull(), { timeout: 5_000 })

  turboVisit('/tickets/2')
  await vi.waitFor(() => expect(onScreen()).not.toBeNull())
  const root = onScreen() as ShadowRoot
  expect(document.body.contains(root.host)).toBe(true)
  const five = [...root.querySelectorAll<HTMLElement>('[role=radio]')].find((el) =>
    el.getAttribute('aria-label')?.startsWith('5'),
  ) as HTMLElement
  await userEvent.click(five)
  await vi.waitFor(() => expect(completed).toHaveBeenCalledTimes(1))
  expect(shown).toHaveBeenCalledTimes(1)
})

it('a tour step on screen when the body is swapped is on screen again, and the tour goes on', async () => {
  const tour = {
    id: 'swap',
    version: 1,
    locale: 'en',
    steps: [
      { id: 'one', title: 'Step one' },
      { id: 'two', title: 'Step two' },
    ],
  }
  const s = sonde({ tours: [tour] })
  const completed = vi.fn()
  s.on('tour:completed', completed)
  s.startTour('swap')
  await vi.waitFor(() => expect(onScreen()?.textContent).toContain('Step one'), {
    timeout: 5_000,
  })

  turboVisit('/projects')
  await vi.waitFor(() => expect(onScreen()?.textContent).toContain('Step one'))
  expect(document.body.contains((onScreen() as ShadowRoot).host)).toBe(true)
  const next = (name: string) =>
    [...(onScreen()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === name)
  await userEvent.click(next('Next') as HTMLElement)
  await vi.waitFor(() => expect(onScreen()?.textContent).toContain('Step two'))
  await userEvent.click(next('Done') as HTMLElement)
  await vi.waitFor(() => expect(completed).toHaveBeenCalledTimes(1))
})

it('a framework that clears the body as it mounts leaves the prompt on screen', async () => {
  const s = sonde({ surveys: [csat] })
  s.track('ticket_closed')
  await vi.waitFor(() => expect(onScreen()).not.toBeNull(), { timeout: 5_000 })
  // React's createRoot(document.body), Svelte's or Vue's mount into body: its children go.
  const app = document.createElement('div')
  app.id = 'app'
  document.body.replaceChildren(app)
  await vi.waitFor(() => expect(onScreen()).not.toBeNull())
  expect(document.body.contains((onScreen() as ShadowRoot).host)).toBe(true)
})

it('a page that keeps removing the prompt ends it (dismissed), freeing the screen for the next', async () => {
  const other = { ...csat, id: 'csat-other', trigger: { event: 'exported' } }
  const s = sonde({ surveys: [csat, other] })
  const dismissed = vi.fn()
  const shown = vi.fn()
  s.on('survey:dismissed', dismissed)
  s.on('survey:shown', shown)
  s.track('ticket_closed')
  await vi.waitFor(() => expect(onScreen()).not.toBeNull(), { timeout: 5_000 })
  // A page script that removes whatever it did not put in <body>, each time it comes back.
  const guard = new MutationObserver(() => {
    for (const el of document.body.querySelectorAll(':scope > sonde-root')) el.remove()
  })
  guard.observe(document.body, { childList: true })
  document.body.querySelector(':scope > sonde-root')?.remove()
  await vi.waitFor(() => expect(dismissed).toHaveBeenCalledTimes(1))
  expect(dismissed.mock.calls[0]?.[0]).toMatchObject({ surveyId: 'csat-ticket', reason: 'api' })
  guard.disconnect()
  // The screen is free: the next survey due is shown.
  s.show('csat-other')
  await vi.waitFor(() => expect(shown).toHaveBeenCalledTimes(2), { timeout: 5_000 })
  expect(onScreen()).not.toBeNull()
})

it('a document whose <html> is replaced (a failed React hydration of the document) keeps the prompt', async () => {
  const s = sonde({ surveys: [csat] })
  s.track('ticket_closed')
  await vi.waitFor(() => expect(onScreen()).not.toBeNull(), { timeout: 5_000 })
  const html = document.createElement('html')
  html.append(document.head, document.createElement('body'))
  document.replaceChild(html, document.documentElement)
  await vi.waitFor(() => expect(onScreen()).not.toBeNull())
  expect(document.body.contains((onScreen() as ShadowRoot).host)).toBe(true)
})
