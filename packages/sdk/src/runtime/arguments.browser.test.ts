import { afterEach, describe, expect, it, vi } from 'vitest'
import acme from '../../../../test/fixtures/acme.config.json'
import { init } from '../init'
import type { Sonde } from './types'

// What plain JavaScript can pass where TypeScript would not let it: the npm build says which
// argument is wrong, once per call, and never throws (README: the script tag leaves the words
// out, as it does targeting's).
const made: Sonde[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const sonde of made.splice(0)) sonde.destroy()
})

const start = () => {
  const sonde = init({
    endpoint: `https://collect.test/${crypto.randomUUID()}/v1/batch`,
    locale: 'en',
    config: acme,
  })
  made.push(sonde)
  return sonde
}
const loose = (sonde: Sonde) => sonde as unknown as Record<string, (...args: unknown[]) => unknown>

describe('an argument of the wrong kind', () => {
  it.each([
    ['show', [42], '[sonde] show: expected a survey id'],
    ['show', [{ id: 'csat-ticket' }], '[sonde] show: expected a survey id'],
    ['startTour', [undefined], '[sonde] startTour: expected a tour id'],
    ['on', ['survey:shown', 'handler'], '[sonde] on: expected a function for survey:shown'],
    ['on', ['survey:complete', () => {}], '[sonde] on: no event survey:complete'],
    ['on', [undefined, () => {}], '[sonde] on: no event undefined'],
  ])('%s(%o): one error naming it, nothing thrown', async (method, args, said) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const sonde = start()
    expect(() => loose(sonde)[method]!(...args)).not.toThrow()
    await sonde.flush()
    expect(error.mock.calls.map((call) => call[0])).toEqual([said])
  })

  it('leaves the right calls working: a listener added, the survey shown by its id', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const sonde = start()
    const shown = vi.fn()
    sonde.on('survey:shown', shown)
    sonde.show('csat-ticket')
    await vi.waitFor(() => expect(shown).toHaveBeenCalledTimes(1), { timeout: 5_000 })
    expect(error).not.toHaveBeenCalled()
  })
})
