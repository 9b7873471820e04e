import { afterEach, expect, it, vi } from 'vitest'
import { init } from '../init'
import type { Sonde } from './types'

// A tour that ends before anything of it showed (every target missing, the selector mistyped)
// is what a team debugging its integration must be told of: the console says which step and
// which selector, with `debug` on.
const made: Sonde[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const sonde of made.splice(0)) sonde.destroy()
})

const endpoint = () => `https://collect.test/${crypto.randomUUID()}/v1/batch`

it.each([
  ['wait', 'one', '#nowhere'],
  ['skip', 'two', '[data-tour=gone]'],
  ['abort', 'one', '#nowhere'],
] as const)(
  'with debug, a tour whose targets are missing (%s) says which one ended it',
  async (policy, stepId, selector) => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {})
    const tour = {
      id: `lost-${policy}`,
      version: 1,
      locale: 'en',
      missingTarget: { policy, timeoutMs: 100 },
      steps: [
        { id: 'one', target: '#nowhere', title: 'Step one' },
        { id: 'two', target: '[data-tour=gone]', title: 'Step two' },
      ],
    }
    const sonde = init({
      endpoint: endpoint(),
      locale: 'en',
      debug: true,
      config: { tours: [tour] },
    })
    made.push(sonde)
    const dismissed = vi.fn()
    sonde.on('tour:dismissed', dismissed)
    sonde.startTour(tour.id)
    await vi.waitFor(() => expect(dismissed).toHaveBeenCalled(), { timeout: 5_000 })
    const said = debug.mock.calls.map((call) => String(call[0]))
    expect(said).toContainEqual(expect.stringContaining(`tour ${tour.id} ended`))
    const line = said.find((s) => s.includes(`tour ${tour.id} ended`)) ?? ''
    expect(line).toContain(`step ${stepId}`)
    expect(line).toContain(selector)
  },
)

it('without debug, says nothing', async () => {
  const debug = vi.spyOn(console, 'debug').mockImplementation(() => {})
  const tour = {
    id: 'quiet',
    version: 1,
    locale: 'en',
    missingTarget: { policy: 'abort' },
    steps: [{ id: 'one', target: '#nowhere', title: 'Step one' }],
  }
  const sonde = init({ endpoint: endpoint(), locale: 'en', config: { tours: [tour] } })
  made.push(sonde)
  const dismissed = vi.fn()
  sonde.on('tour:dismissed', dismissed)
  sonde.startTour('quiet')
  await vi.waitFor(() => expect(dismissed).toHaveBeenCalled(), { timeout: 5_000 })
  expect(debug).not.toHaveBeenCalled()
})
