import { describe, expect, it } from 'vitest'
import { compileTargeting } from './compileTargeting'
import { createTargetingState } from './createTargetingState'
import type { TargetingConfig } from './types'

describe('compileTargeting', () => {
  it('compiles a config object once', () => {
    const config: TargetingConfig = { surveys: [{ id: 'a', trigger: { exitIntent: true } }] }
    expect(compileTargeting(config)).toBe(compileTargeting(config))
    expect(compileTargeting({ ...config })).not.toBe(compileTargeting(config))
  })

  it('evaluates and answers canShow from the compiled form', () => {
    const targeting = compileTargeting({
      surveys: [{ id: 'a', trigger: { exitIntent: true, delaySeconds: 3 } }],
      tours: [{ id: 'a', trigger: { scrollPercent: 50 } }],
    })
    const state = createTargetingState({ anonymousId: 'x', sessionId: 's', now: 0 })
    expect(targeting.evaluate(state, { type: 'exitIntent' }, 1).eligible).toEqual([
      { kind: 'survey', id: 'a', delaySeconds: 3 },
    ])
    expect(targeting.evaluate(state, { type: 'scroll', percent: 80 }, 1).eligible).toEqual([
      { kind: 'tour', id: 'a', delaySeconds: 0 },
    ])
    expect(targeting.canShow({ kind: 'tour', id: 'a' }, state, 1)).toEqual({ ok: true })
  })

  it('shares its trigger skips instead of allocating them on every event', () => {
    const targeting = compileTargeting({ surveys: [{ id: 'a', trigger: { exitIntent: true } }] })
    const state = createTargetingState({ anonymousId: 'x', sessionId: 's', now: 0 })
    const first = targeting.evaluate(state, { type: 'page', url: '/' }, 1).skipped[0]
    const second = targeting.evaluate(state, { type: 'page', url: '/' }, 2).skipped[0]
    expect(first).toBe(second)
    expect(Object.isFrozen(first)).toBe(true)
  })
})
