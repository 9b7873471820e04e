import { beforeAll, describe, expect, it, vi } from 'vitest'

// The inline snippet before the bundle has arrived (an async script on a slow network): host code
// written against the public API must not throw on what the queue hands back.
type Method = (...args: unknown[]) => unknown
type Stub = { _q: [string, unknown[]][] } & Record<
  'init' | 'identify' | 'track' | 'canShow' | 'on' | 'off' | 'flush',
  Method
>
const stub = () => (window as unknown as { sonde: Stub }).sonde

beforeAll(async () => {
  // @ts-expect-error stub.ts is a classic script (an IIFE pasted inline), not a module
  await import('./stub')
})

describe('the stub, before the bundle', () => {
  it('queues every call in order', () => {
    stub().identify('u_1')
    stub().track('export_completed', { rows: 3 })
    expect(stub()._q.slice(-2)).toEqual([
      ['identify', ['u_1']],
      ['track', ['export_completed', { rows: 3 }]],
    ])
  })

  // The host reuses its object (the next export's properties, a user model it updates) before the
  // bundle runs: the call is judged, and sent, as it was made.
  it('queues identify traits and track properties as they are at the call', () => {
    const traits = { plan: 'free', tags: ['beta'] }
    const properties: Record<string, unknown> = { format: 'csv' }
    stub().identify('u_2', traits)
    stub().track('export_started', properties)
    traits.plan = 'pro'
    traits.tags.push('new')
    properties.format = 'pdf'
    expect(stub()._q.slice(-2)).toEqual([
      ['identify', ['u_2', { plan: 'free', tags: ['beta'] }]],
      ['track', ['export_started', { format: 'csv' }]],
    ])
  })

  it('queues what JSON cannot copy as it is, for the bundle to refuse', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    stub().identify('u_3', cyclic)
    stub().track('opened')
    expect(stub()._q.slice(-2)).toEqual([
      ['identify', ['u_3', cyclic]],
      ['track', ['opened']],
    ])
  })

  it.each<[string, (s: Stub) => unknown]>([
    // const sonde = window.sonde.init({...}); sonde.track(...)
    ['init returns the instance', (s) => (s.init({ endpoint: '/c' }) as Stub).track('a')],
    // if (sonde.canShow('nps-q4').ok) ...
    ['canShow answers', (s) => (s.canShow('nps-q4') as { ok: boolean }).ok],
    // sonde.flush().then(leave)
    ['flush returns a promise', (s) => (s.flush() as Promise<unknown>).then(() => {})],
    // const off = sonde.on('survey:completed', h); ... off()
    ['on returns its unsubscribe', (s) => (s.on('survey:completed', () => {}) as () => void)()],
  ])('%s, as the real API does', (_, use) => {
    expect(() => use(stub())).not.toThrow()
  })

  it('says what the real API says while it loads', async () => {
    expect(stub().canShow('nps-q4')).toEqual({ ok: false, reason: 'loading' })
    await expect(stub().flush()).resolves.toEqual({ sent: 0, pending: 0 })
    expect(stub().init({ endpoint: '/c' })).toBe(stub())
  })

  it("queues on()'s unsubscribe as off() with the same listener", () => {
    const handler = () => {}
    const off = stub().on('survey:shown', handler) as () => void
    off()
    expect(stub()._q.slice(-2)).toEqual([
      ['on', ['survey:shown', handler]],
      ['off', ['survey:shown', handler]],
    ])
  })

  it('unsubscribes through the real off() once the bundle has made the stub the API', () => {
    const handler = () => {}
    const off = stub().on('survey:shown', handler) as () => void
    const realOff = vi.fn()
    stub().off = realOff // what script.ts does to this very object when it boots
    off()
    expect(realOff).toHaveBeenCalledWith('survey:shown', handler)
  })
})
