import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from './parse'
import { urlRuleSchema } from './urlRule'

// Pieces of a glob: a literal, a segment, `*`, `?` and `**` in both forms.
const piece = fc.constantFrom('a', '/x', '/', '-', '*', '?', '.', '**', '/**')

describe('a URL glob', () => {
  it('is taken with at most two "**" before its end, refused with three', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (pieces, trailing) => {
        const glob = `/${pieces.join('')}${trailing ? '/**' : ''}`
        const before = (glob.replace(/\*\*$/, '').match(/\*\*/g) ?? []).length
        expect(parse(urlRuleSchema, { glob }).ok).toBe(before < 3)
      }),
      { numRuns: 2_000 },
    )
  })

  it.each(['/**/a/**/b', '**/**/**', '/app/**/settings/**', '/docs/*-*-*'])('takes %s', (glob) => {
    expect(parse(urlRuleSchema, { glob }).ok).toBe(true)
  })

  it.each(['/**/a/**/b/**/c', '**a**b**c', '/**/**/**/x'])('refuses %s', (glob) => {
    expect(parse(urlRuleSchema, { glob }).ok).toBe(false)
  })
})
