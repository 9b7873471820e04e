import { describe, expect, it } from 'vitest'
import { formatBounds, formatInterval, formatScore, formatShare, formatValue } from './format.js'

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

// A score rounded to an end of its range it does not reach says what no answer supports: 299 of
// 300 satisfied (99.67%) read "100%", no one dissatisfied; 599 promoters and a passive (NPS
// 99.83) "+100"; 29 answers of 7 and one of 6 (mean 6.967) "7.0", everyone at the top. Such a
// score takes the decimals that set it apart from the end; the ends themselves stay whole.
describe('formatScore', () => {
  it.each([
    ['csat', (100 * 299) / 300, [0, 100], '99.7%'],
    ['csat', (100 * 1) / 300, [0, 100], '0.3%'],
    ['csat', (100 * 1999) / 2000, [0, 100], '99.95%'],
    ['csat', 100, [0, 100], '100%'],
    ['csat', 77.6, [0, 100], '78%'],
    ['nps', (100 * 599) / 600, [-100, 100], '+99.8'],
    ['nps', (-100 * 299) / 300, [-100, 100], '-99.7'],
    ['nps', -100, [-100, 100], '-100'],
    ['nps', -0.33, [-100, 100], '0'],
    ['ces', (29 * 7 + 6) / 30, [1, 7], '6.97'],
    ['ces', 7, [1, 7], '7.0'],
    ['ces', 5.44, [1, 7], '5.4'],
    ['ces', null, [1, 7], '—'],
  ] as const)('writes %s %s in %j as %s', (kind, value, range, shown) => {
    expect(formatScore(kind, value, range).replace('\u2212', '-')).toBe(shown)
  })
})

describe('formatInterval', () => {
  it('writes an NPS interval bound near zero without a sign', () => {
    expect(formatInterval('nps', { low: -0.2, high: 45.4 })).toBe('95% CI 0 to +45')
  })
})

// Bounds rounded alike read as an interval of no width, a certainty no sample gives: every one
// of 1,000 answers satisfied has a Wilson lower bound of n / (n + z²) = 1000 / 1003.8415 =
// 99.617%, which rounds to the 100% of its upper bound. They take the decimals that tell them
// apart, and no more.
describe('formatBounds', () => {
  it.each([
    ['csat', (1000 / (1000 + 1.959964 ** 2)) * 100, 100, '99.6%', '100%'],
    ['csat', 89.6, 90.4, '89.6%', '90.4%'],
    ['csat', 89.4, 90.6, '89%', '91%'],
    ['nps', 99.76, 100, '+99.8', '+100'],
    ['nps', -0.04, 0.3, '0', '+0.3'],
    ['nps', 14.05, 44.2, '+14', '+44'],
    // A CES mean of 5.42 from 10,000 answers (sd 1.2): ±1.96·1.2/100 = ±0.0235.
    ['ces', 5.3965, 5.4435, '5.40', '5.44'],
    ['ces', 4.43, 6.1, '4.4', '6.1'],
  ] as const)('writes %s %f to %f as %s to %s', (kind, low, high, lowText, highText) => {
    const shown = formatBounds(kind, { low, high }).map((text) => text.replace('\u2212', '-'))
    expect(shown).toEqual([lowText, highText])
  })

  it('gives the card its distinct bounds too', () => {
    expect(formatInterval('csat', { low: 99.617, high: 100 })).toBe('95% CI 99.6% to 100%')
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
    // As a score: a share of some but not all is neither 0% nor 100%.
    [299, 300, '99.7%'],
    [1, 300, '0.3%'],
  ])('%i of %i is %s', (part, total, shown) => {
    expect(formatShare(part, total)).toBe(shown)
  })
})
