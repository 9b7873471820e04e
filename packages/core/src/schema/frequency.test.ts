import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { dateTimeSchema } from './frequency'

// A schedule's dates are checked by zod's own pattern for z.iso.datetime({ offset: true }),
// written out in frequency.ts: it must stay that pattern, taking and refusing what zod's does.
describe('dateTimeSchema', () => {
  const zods = z.iso.datetime({ offset: true })

  it('checks with the pattern of z.iso.datetime({ offset: true })', () => {
    const patterns = (dateTimeSchema._zod.def.checks ?? []).map(
      (check) => (check._zod.def as { pattern?: RegExp }).pattern?.source,
    )
    expect(patterns).toEqual([z.regexes.datetime({ offset: true }).source])
  })

  it.each([
    '2026-11-01T09:00:00Z',
    '2026-11-01T09:00:00.123+02:00',
    '2028-02-29T23:59:59-05:30',
    '2026-11-01',
    '2026-11-01 09:00',
    '2026-11-01T09:00Z',
    '2026-11-01T09:00:00',
    '2027-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '',
    42,
    null,
  ])('takes %j exactly when z.iso.datetime does', (value) => {
    expect(dateTimeSchema.safeParse(value).success).toBe(zods.safeParse(value).success)
  })
})
