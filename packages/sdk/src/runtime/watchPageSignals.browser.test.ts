import { afterEach, describe, expect, it, vi } from 'vitest'
import acme from '../../../../test/fixtures/acme.config.json'
import { init } from '../init'
import type { Sonde } from './types'

// Time-on-page triggers in Chromium, whose timers hold at most 2^31 - 1 ms (24.8 days) and fire
// at once beyond that.
const made: Sonde[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const sonde of made.splice(0)) sonde.destroy()
  for (const el of document.querySelectorAll('sonde-root')) el.remove()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const csat = acme.surveys.find((s) => s.id === 'csat-ticket') as (typeof acme.surveys)[number]

describe('a time-on-page trigger', () => {
  it.each([
    ['30 days', 30 * 86_400],
    ['a year', 365 * 86_400],
  ])('of %s does not fire as the page opens', async (_, seconds) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const survey = { ...csat, id: `long-${seconds}`, trigger: { timeOnPageSeconds: seconds } }
    const sonde = init({
      endpoint: `https://collect.test/${crypto.randomUUID()}/v1/batch`,
      locale: 'en',
      config: { surveys: [survey] },
    })
    made.push(sonde)
    const shown = vi.fn()
    sonde.on('survey:shown', shown)
    await sleep(1_500)
    expect(shown).not.toHaveBeenCalled()
    // Said once, naming the field, like any other value Sonde cannot honour.
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining('surveys[0].trigger.timeOnPageSeconds'),
    )
  })
})
