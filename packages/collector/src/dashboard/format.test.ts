import { describe, expect, it } from 'vitest'
import { formatInterval, formatShare, formatValue } from './format.js'

describe('formatValue', () => {
  // An NPS that rounds to zero is shown as 0: one more detractor than promoters among 300
  // answers (−0.33) is no negative score a team should read as "−0".
  it.each([
    ['nps', 32, '+32'],
    ['nps', -5, '-5'],
    ['nps', 0, '0'],
    ['nps', -0.33, '0'],
    ['nps', 0.4, '0'],
    ['nps', -0.5, '-1'],
    ['csat', 77.6, '78%'],
    ['ces', 5.44, '5.4'],
    ['ces', null, '—'],
  ] as const)('%s %s is %s', (kind, value, shown) => {
    expect(formatValue(kind, value).replace('\u2212', '-')).toBe(shown)
  })
})

describe('formatInterval', () => {
  it('writes an NPS interval bound near zero without a sign', () => {
    expect(formatInterval('nps', { low: -0.2, high: 45.4 })).toBe('95% CI 0 to +45')
  })
})

describe('formatShare', () => {
  // With no answer there is no share: the NPS card reads "—", and the buckets beside it must not
  // claim "0% promoters, 0% passives, 0% detractors" (which sums to 0%, not 100%).
  it.each([
    [1, 4, '25%'],
    [0, 4, '0%'],
    [4, 4, '100%'],
    [0, 0, '—'],
  ])('%i of %i is %s', (part, total, shown) => {
    expect(formatShare(part, total)).toBe(shown)
  })
})
