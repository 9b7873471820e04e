import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tCritical95 } from './tCritical95'

describe('tCritical95', () => {
  // Reference values: scipy.stats.t.ppf(0.975, df). df ≤ 30 comes from the table, df > 30
  // from the Cornish–Fisher expansion, so both sides of the seam are checked.
  it.each([
    [1, 12.706204736174694],
    [2, 4.302652729749462],
    [5, 2.5705818356363146],
    [9, 2.262157162798205],
    [29, 2.045229642132703],
    [30, 2.0422724563012378],
    [31, 2.039513446396408],
    [35, 2.030107928250343],
    [40, 2.021075390306273],
    [60, 2.0002978220142604],
    [120, 1.9799304050824402],
    [1000, 1.9623390808264083],
  ])('df = %d → %f', (df, expected) => {
    expect(Math.abs(tCritical95(df) - expected)).toBeLessThan(3e-8)
  })

  it.each([[0], [-3], [2.5], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    'throws a RangeError for df = %d',
    (df) => {
      expect(() => tCritical95(df)).toThrow(RangeError)
    },
  )

  it('decreases with df and stays above the normal quantile', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (df) => {
        expect(tCritical95(df + 1)).toBeLessThan(tCritical95(df))
        expect(tCritical95(df)).toBeGreaterThan(1.959963984540054)
      }),
    )
  })
})
