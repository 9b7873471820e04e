import { afterEach, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import acme from '../../../../test/fixtures/acme.config.json'
import { init } from '../init'
import type { Sonde } from './types'

// A long-lived SPA tab: after 30 minutes without activity the next page view starts a new
// session (the wire's context.session says so); the session rules of targeting must follow.
const made: Sonde[] = []
const realNow = Date.now
afterEach(() => {
  Date.now = realNow
  for (const sonde of made.splice(0)) sonde.destroy()
  for (const el of document.querySelectorAll('sonde-root')) el.remove()
})
const survey = (id: string) =>
  acme.surveys.find((s) => s.id === id) as (typeof acme.surveys)[number]
const prompt = () =>
  [...document.querySelectorAll('sonde-root')].find((el) =>
    el.shadowRoot?.querySelector('[role=dialog]'),
  )?.shadowRoot ?? null

/** A Sonde that allows one prompt per session, its CSAT prompt answered on `ticket_closed`. */
async function answeredTheSessionsPrompt(): Promise<Sonde> {
  const sonde = init({
    endpoint: `https://collect.test/${crypto.randomUUID()}/v1/batch`,
    locale: 'en',
    config: {
      settings: { maxPromptsPerSession: 1 },
      surveys: [survey('csat-ticket'), survey('ces-export')],
    },
  })
  made.push(sonde)
  const completed = vi.fn()
  sonde.on('survey:completed', completed)
  sonde.track('ticket_closed')
  const radio = await vi.waitFor(
    () => {
      const found = prompt()?.querySelector('[role=radio]')
      if (!found) throw new Error('no prompt yet')
      return found as HTMLElement
    },
    { timeout: 5_000 },
  )
  await userEvent.click(radio)
  await vi.waitFor(() => expect(completed).toHaveBeenCalled())
  return sonde
}

it('a new session in the same tab gets its maxPromptsPerSession again', async () => {
  const sonde = await answeredTheSessionsPrompt()
  expect(sonde.canShow('ces-export')).toMatchObject({ reason: 'global.sessionCap' })

  // The thank-you screen closes by itself (until then canShow says 'busy': nothing else shows).
  await vi.waitFor(() => expect(prompt()).toBeNull(), { timeout: 8_000 })
  // An hour later, same tab: the person comes back and moves to another page.
  Date.now = () => realNow() + 60 * 60_000
  history.pushState(null, '', '/app/next')
  await vi.waitFor(() => expect(sonde.canShow('ces-export')).toEqual({ ok: true }))
})

it('a new session in the same tab gets its maxPromptsPerSession again on a tracked event', async () => {
  const sonde = await answeredTheSessionsPrompt()
  const shown = vi.fn()
  sonde.on('survey:shown', shown)
  // The thank-you screen closes by itself.
  await vi.waitFor(() => expect(prompt()).toBeNull(), { timeout: 8_000 })
  expect(sonde.canShow('ces-export')).toMatchObject({ reason: 'global.sessionCap' })

  // An hour later, same page (a dashboard worked in without navigating): the person comes back
  // and exports. The wire starts a new visit with this event; so must targeting.
  Date.now = () => realNow() + 60 * 60_000
  sonde.track('export_finished')
  await vi.waitFor(
    () =>
      expect(shown).toHaveBeenLastCalledWith(expect.objectContaining({ surveyId: 'ces-export' })),
    { timeout: 5_000 },
  )
})

// A receiver counts a response from its first answer (partial answers survive): asked again in a
// later session, the same person's score would count twice.
it('a survey answered, then closed before its follow-up, is not asked again next session', async () => {
  const { frequency: _, ...nps } = survey('nps-q4')
  const sonde = init({
    endpoint: `https://collect.test/${crypto.randomUUID()}/v1/batch`,
    locale: 'en',
    config: { surveys: [{ ...nps, audience: undefined, trigger: { event: 'ticket_closed' } }] },
  })
  made.push(sonde)
  const dismissed = vi.fn()
  sonde.on('survey:dismissed', dismissed)
  sonde.track('ticket_closed')
  const nine = await vi.waitFor(
    () => {
      const radios = [...(prompt()?.querySelectorAll<HTMLElement>('[role=radio]') ?? [])]
      const found = radios.find((el) => el.textContent === '9')
      if (!found) throw new Error('no prompt yet')
      return found
    },
    { timeout: 5_000 },
  )
  await userEvent.click(nine)
  const close = await vi.waitFor(() => {
    if (!prompt()?.querySelector('textarea')) throw new Error('no follow-up yet')
    return prompt()?.querySelector<HTMLElement>('button[aria-label="Close"]') as HTMLElement
  })
  // What a page loaded now would read: left here, the survey is answered already.
  expect(sonde.canShow('nps-q4')).toMatchObject({ ok: false, reason: 'frequency.completed' })
  await userEvent.click(close)
  await vi.waitFor(() => expect(dismissed).toHaveBeenCalled())
  expect(dismissed.mock.calls[0]?.[0].answers).toEqual([{ questionId: 'score', value: 9 }])

  // An hour later, same tab: a new session, where a dismissal alone no longer holds it back.
  Date.now = () => realNow() + 60 * 60_000
  history.pushState(null, '', '/app/later')
  await vi.waitFor(() =>
    expect(sonde.canShow('nps-q4')).not.toMatchObject({ reason: 'frequency.dismissCooldown' }),
  )
  expect(sonde.canShow('nps-q4')).toMatchObject({ ok: false, reason: 'frequency.completed' })
})
