import { describe, expect, it } from 'vitest'
import { init } from './init'

// Node has no window: importing and calling init must neither throw nor touch browser globals.
describe('init on a server', () => {
  it('returns an inert instance that accepts every call', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    const sonde = init({ endpoint: '/v1/batch', config: { surveys: [] } })
    expect(() => {
      sonde.identify('u_1', { plan: 'pro' })
      sonde.track('export_completed', { rows: 3 })
      sonde.page()
      sonde.show('nps-q4')
      sonde.startTour('welcome')
      sonde.on('survey:shown', () => {})()
      sonde.optIn()
      sonde.optOut()
      sonde.reset()
      sonde.destroy()
    }).not.toThrow()
    expect(sonde.canShow('nps-q4')).toEqual({ ok: false, reason: 'no window' })
    expect(await sonde.flush()).toEqual({ sent: 0, pending: 0 })
  })
})
