import { describe, expect, it } from 'vitest'
import { withPrototypeJs } from '../test/withPrototypeJs'
import { restoreState } from './restoreState'

const win = {
  navigator: { userAgent: 'Mozilla/5.0', maxTouchPoints: 0 },
  screen: { width: 1280 },
  innerWidth: 1280,
  location: { href: 'https://app.example/reports' },
} as unknown as Window
const visitor = { anonymousId: () => 'anon-1', session: () => ({}) as never }

describe('restoreState', () => {
  it("keeps init's array traits as arrays on a page whose Array.prototype.toJSON (Prototype.js) makes strings", async () => {
    const user = { id: 'u_1', traits: { roles: ['admin', 'billing'], plan: 'pro' } }
    const state = await withPrototypeJs(() =>
      restoreState(null, { win, locale: 'en', user, visitor }),
    )
    expect(state.user.traits).toEqual({ roles: ['admin', 'billing'], plan: 'pro' })
  })
})
