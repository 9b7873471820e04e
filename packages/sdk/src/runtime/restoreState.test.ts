import { describe, expect, it } from 'vitest'
import { restoreState } from './restoreState'

const win = {
  navigator: { userAgent: 'Mozilla/5.0', maxTouchPoints: 0 },
  screen: { width: 1280 },
  innerWidth: 1280,
  location: { href: 'https://app.example/reports' },
} as unknown as Window
const visitor = { anonymousId: () => 'anon-1', session: () => ({}) as never }

describe('restoreState', () => {
  it("keeps init's array traits as arrays on a page whose Array.prototype.toJSON (Prototype.js) makes strings", () => {
    // Prototype.js 1.6 and old MooTools define it: JSON.stringify([1]) is then '"[1]"'.
    const prototypeJs = Object.getOwnPropertyDescriptor(Array.prototype, 'toJSON')
    Object.defineProperty(Array.prototype, 'toJSON', {
      configurable: true,
      writable: true,
      value(this: unknown[]) {
        return `[${this.join(',')}]`
      },
    })
    try {
      const user = { id: 'u_1', traits: { roles: ['admin', 'billing'], plan: 'pro' } }
      const state = restoreState(null, { win, locale: 'en', user, visitor })
      expect(state.user.traits).toEqual({ roles: ['admin', 'billing'], plan: 'pro' })
    } finally {
      if (prototypeJs) Object.defineProperty(Array.prototype, 'toJSON', prototypeJs)
      else delete (Array.prototype as { toJSON?: unknown }).toJSON
    }
  })
})
