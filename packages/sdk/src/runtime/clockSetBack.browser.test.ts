import { afterEach, expect, it, vi } from 'vitest'
import acme from '../../../../test/fixtures/acme.config.json'
import { init } from '../init'
import type { Sonde } from './types'

// A device's clock once wrong: a survey shown while it was years ahead left times in the stored
// history that are in the future once the clock is put right.
const realNow = Date.now
const DAY_MS = 86_400_000
const made: Sonde[] = []
afterEach(() => {
  Date.now = realNow
  for (const sonde of made.splice(0)) sonde.destroy()
  for (const el of document.querySelectorAll('sonde-root')) el.remove()
})
const survey = (id: string) =>
  acme.surveys.find((s) => s.id === id) as (typeof acme.surveys)[number]

/** A page of the site at `offsetMs` from the real time, its Sonde started. */
async function pageAt(endpoint: string, offsetMs: number): Promise<Sonde> {
  Date.now = () => realNow() + offsetMs
  const sonde = init({
    endpoint,
    locale: 'en',
    config: {
      settings: { cooldownDays: 14 },
      surveys: [survey('csat-ticket'), survey('ces-export')],
    },
  })
  made.push(sonde)
  await vi.waitFor(() =>
    expect(sonde.canShow('ces-export')).not.toEqual({ ok: false, reason: 'loading' }),
  )
  return sonde
}

it('a survey shown while the clock was years ahead holds the cooldown from when it was put right, not for years', async () => {
  const endpoint = `https://collect.test/${crypto.randomUUID()}/v1/batch`
  const ahead = await pageAt(endpoint, 3 * 365 * DAY_MS)
  const shown = vi.fn()
  ahead.on('survey:shown', shown)
  ahead.track('ticket_closed')
  await vi.waitFor(() => expect(shown).toHaveBeenCalled(), { timeout: 5_000 })
  ahead.destroy()

  // The clock put right: the survey shown a moment ago still holds the cooldown...
  const right = await pageAt(endpoint, 0)
  expect(right.canShow('ces-export')).toMatchObject({ ok: false, reason: 'global.cooldown' })
  // (its save in)
  await new Promise((resolve) => setTimeout(resolve, 200))
  right.destroy()
  // ...for cooldownDays, not for the three years the clock was ahead.
  const later = await pageAt(endpoint, 15 * DAY_MS)
  expect(later.canShow('ces-export')).toEqual({ ok: true })
})
