import { describe, expect, it } from 'vitest'
import { MAX_DEPTH, sanitizeJson } from './sanitizeJson'

describe('sanitizeJson', () => {
  it('replaces NUL and unpaired surrogates in keys and values, keeping valid pairs', () => {
    const input = { 'a\u0000': ['x\ud800', '\udc00y', '😀'], n: 1, ok: null }
    expect(sanitizeJson(input)).toEqual({
      ok: true,
      value: { 'a\uFFFD': ['x\uFFFD', '\uFFFDy', '😀'], n: 1, ok: null },
    })
  })

  it(`refuses nesting deeper than ${MAX_DEPTH} levels`, () => {
    let deep: unknown = 1
    for (let i = 0; i < MAX_DEPTH; i++) deep = [deep]
    expect(sanitizeJson(deep).ok).toBe(true)
    expect(sanitizeJson([deep])).toEqual({ ok: false, reason: 'nested deeper than 32 levels' })
  })
})
