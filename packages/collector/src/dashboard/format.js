// @ts-check
// Number formatting for scores: signed NPS, percentages, CES means, and their intervals.

/** @typedef {{ low: number, high: number }} Interval */

const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
// NPS carries its sign, except when it rounds to zero: −0.3 is "0", never "-0" (nor "+0").
const signedWhole = new Intl.NumberFormat(undefined, {
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
})
const oneDecimal = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
})

/**
 * The headline number of a metric: +32 for NPS, 78% for CSAT, 5.4 for the CES mean.
 * @param {string} kind
 * @param {number | null} value
 */
export function formatValue(kind, value) {
  if (value === null) return '—'
  if (kind === 'nps') return signedWhole.format(value)
  if (kind === 'csat') return `${whole.format(value)}%`
  return oneDecimal.format(value)
}

/**
 * "95% CI +14 to +45", or a note that there is too little data for one.
 * @param {string} kind
 * @param {Interval | null} ci
 */
export function formatInterval(kind, ci) {
  if (!ci) return 'too few answers for an interval'
  return `95% CI ${formatValue(kind, ci.low)} to ${formatValue(kind, ci.high)}`
}

/**
 * A percentage of a whole, for shares of answers; "—" for a share of nothing, which is no 0%.
 * @param {number} part
 * @param {number} total
 */
export function formatShare(part, total) {
  return total === 0 ? '—' : `${whole.format((100 * part) / total)}%`
}

/** @param {number} n */
export function formatCount(n) {
  return whole.format(n)
}
