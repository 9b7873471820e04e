import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { parse } from './parse'
import { type Issues, refine } from './refine'

// refine makes a check as z.superRefine does: what a survey's, a tour's or a schedule's checks
// report must read the same through either.
describe('refine', () => {
  type Item = { a: number; b: number }
  const positive = ({ a }: Item, issues: Issues) => {
    if (a <= 0) issues.addIssue({ code: 'custom', path: ['a'], message: 'expected a > 0' })
  }
  const ordered = ({ a, b }: Item, issues: Issues) => {
    if (b < a) issues.addIssue({ code: 'custom', input: b, path: ['b'], message: 'expected b ≥ a' })
  }
  const item = z.strictObject({ a: z.number(), b: z.number().check(z.lte(100)) })
  const ours = item.check(refine(positive), refine(ordered))
  const zods = item.check(z.superRefine(positive), z.superRefine(ordered))

  it.each([
    { a: 1, b: 2 },
    { a: 0, b: 2 },
    { a: 3, b: 2 },
    { a: -1, b: -2 },
    { a: 1, b: 200 },
    { a: 1, b: 'x' },
    { a: 1, b: 2, c: 3 },
    'item',
  ])('reports %j as z.superRefine does', (input) => {
    expect(parse(ours, input)).toEqual(parse(zods, input))
    expect(ours.safeParse(input, { reportInput: true }).error?.issues).toEqual(
      zods.safeParse(input, { reportInput: true }).error?.issues,
    )
  })

  it('runs every check, each issue at its own path', () => {
    expect(parse(ours, { a: -1, b: -2 })).toEqual({
      ok: false,
      errors: [
        { path: 'a', message: 'expected a > 0' },
        { path: 'b', message: 'expected b ≥ a' },
      ],
    })
  })
})
