import { describe, expect, it } from 'vitest'
import { wilsonInterval } from './wilsonInterval'
import { wilsonPercent } from './wilsonPercent'

describe('wilsonPercent', () => {
  it.each([
    [8, 10],
    [0, 3],
    [3, 3],
    [412, 1000],
  ])('is wilsonInterval(%d, %d) in percent', (successes, n) => {
    const proportion = wilsonInterval(successes, n)
    const percent = wilsonPercent(successes, n)
    expect(percent?.low).toBeCloseTo(proportion.low * 100, 10)
    expect(percent?.high).toBeCloseTo(proportion.high * 100, 10)
  })

  it('is null when n = 0', () => {
    expect(wilsonPercent(0, 0)).toBeNull()
  })
})
