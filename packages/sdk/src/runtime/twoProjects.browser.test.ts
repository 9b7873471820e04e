import { afterEach, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import acme from '../../../../test/fixtures/acme.config.json'
import { init } from '../init'
import type { Sonde } from './types'

// Two Sonde projects on one page (two teams' npm builds, micro-frontends): DESIGN says one prompt
// or tour is on screen at a time, across tabs too, and so across projects. Each Sonde here has an
// endpoint and key of its own, as two projects do (test/e2e/prompt-tabs.e2e.ts: two tabs).
const made: Sonde[] = []
let watching: MutationObserver | undefined
afterEach(() => {
  watching?.disconnect()
  for (const sonde of made.splice(0)) sonde.destroy()
})

const csat = acme.surveys.find((s) => s.id === 'csat-ticket') as (typeof acme.surveys)[number]
const project = (name: string) => {
  const sonde = init({
    endpoint: `https://collect.test/${crypto.randomUUID()}/v1/batch`,
    key: `pk_${name}`,
    locale: 'en',
    config: { surveys: [{ ...csat, id: `csat-${name}`, trigger: { event: 'ticket_closed' } }] },
  } as Parameters<typeof init>[0])
  made.push(sonde)
  return sonde
}
const dialogs = () =>
  [...document.querySelectorAll('sonde-root')].flatMap((el) => [
    ...(el.shadowRoot?.querySelectorAll('[role=dialog]') ?? []),
  ])

it('two projects on one page never show two prompts at once; the other shows once the first has closed', async () => {
  const sondes = { a: project('a'), b: project('b') }
  // The most prompts' hosts in the page at any moment, however briefly.
  let most = 0
  watching = new MutationObserver(() => {
    most = Math.max(most, document.querySelectorAll('sonde-root').length)
  })
  watching.observe(document.body, { childList: true, subtree: true })
  const shown = vi.fn()
  for (const [name, sonde] of Object.entries(sondes)) {
    sonde.on('survey:shown', () => shown(name))
    await vi.waitFor(() => expect(sonde.canShow(`csat-${name}`)).toEqual({ ok: true }))
  }

  // Both are triggered at once; each would show its prompt on its own.
  sondes.a.track('ticket_closed')
  sondes.b.track('ticket_closed')
  await vi.waitFor(() => expect(shown).toHaveBeenCalled(), { timeout: 5_000 })
  const first = shown.mock.calls[0]?.[0] as 'a' | 'b'
  const other = sondes[first === 'a' ? 'b' : 'a']
  // The other's next trigger still finds a prompt on screen: skipped again, as in another tab.
  await new Promise((r) => setTimeout(r, 500))
  other.track('ticket_closed')
  await new Promise((r) => setTimeout(r, 1_000))
  expect({ shown: shown.mock.calls.length, most }).toEqual({ shown: 1, most: 1 })

  // Once the first is closed, the other project's next trigger shows its prompt.
  const close = dialogs()[0]?.querySelector<HTMLElement>('button[aria-label="Close"]')
  await userEvent.click(close as HTMLElement)
  await vi.waitFor(() => expect(dialogs()).toHaveLength(0))
  other.track('ticket_closed')
  await vi.waitFor(() => expect(shown).toHaveBeenCalledTimes(2), { timeout: 5_000 })
  expect(shown.mock.calls.map(([name]) => name).sort()).toEqual(['a', 'b'])
  expect({ most, onScreen: dialogs().length }).toEqual({ most: 1, onScreen: 1 })
})
