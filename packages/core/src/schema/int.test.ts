import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { intSchema } from './int'
import { parse } from './parse'

// intSchema is z.int() with its check written out: it must take, refuse and tell as z.int() does,
// alone and with a field's own bounds.
describe('intSchema', () => {
  const pairs = [
    [intSchema, z.int()],
    [intSchema.check(z.gte(1)), z.int().check(z.gte(1))],
    [intSchema.check(z.gte(0), z.lte(10)), z.int().check(z.gte(0), z.lte(10))],
    [z.optional(intSchema.check(z.gte(1))), z.optional(z.int().check(z.gte(1)))],
  ] as const
  const value = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom(2 ** 53, -(2 ** 53), 2 ** 60, -(2 ** 60), 1.5, -0, Number.MAX_VALUE),
    fc.constantFrom('1', null, undefined, true, [1], { n: 1 }),
  )

  it.each(pairs.map((pair, i) => [i, ...pair] as const))(
    'tells what z.int() tells (pair %i)',
    (_, ours, zods) => {
      fc.assert(
        fc.property(value, (input) => {
          expect(parse(ours, input)).toEqual(parse(zods, input))
        }),
        { numRuns: 2_000 },
      )
    },
  )

  it('says a fraction is no int, and a number past the safe range is too big', () => {
    expect(parse(intSchema.check(z.lte(10)), 1.5)).toEqual({
      ok: false,
      errors: [{ path: '', message: 'expected int, got number' }],
    })
    expect(parse(intSchema.check(z.lte(10)), 2 ** 53)).toEqual({
      ok: false,
      errors: [
        { path: '', message: 'expected at most 9007199254740991' },
        { path: '', message: 'expected at most 10' },
      ],
    })
  })
})
