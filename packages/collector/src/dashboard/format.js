// @ts-check
// Number formatting for scores: signed NPS, percentages, CES means, and their intervals.

/** @typedef {{ low: number, high: number }} Interval */

const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })

/** @type {Map<string, Intl.NumberFormat>} */
const formats = new Map()

/**
 * A metric's number format: whole NPS with its sign, except when it rounds to zero (−0.3 is
 * "0", never "-0" nor "+0"), whole CSAT %, CES to one decimal; `extra` more decimals each.
 * @param {string} kind
 * @param {number} extra
 */
function metricFormat(kind, extra) {
  const key = `${kind} ${extra}`
  let format = formats.get(key)
  if (!format) {
    const digits = (kind === 'ces' ? 1 : 0) + extra
    format = new Intl.NumberFormat(undefined, {
      minimumFractionDigits: kind === 'ces' ? digits : 0,
      maximumFractionDigits: digits,
      ...(kind === 'nps' ? { signDisplay: /** @type {const} */ ('exceptZero') } : {}),
    })
    formats.set(key, format)
  }
  return format
}

/**
 * The headline number of a metric: +32 for NPS, 78% for CSAT, 5.4 for the CES mean.
 * @param {string} kind
 * @param {number | null} value
 * @param {number} [extra] decimals beyond the metric's own
 */
export function formatValue(kind, value, extra = 0) {
  if (value === null) return '—'
  const text = metricFormat(kind, extra).format(value)
  return kind === 'csat' ? `${text}%` : text
}

/**
 * The ends a metric's headline can take: NPS −100…100, CSAT % 0–100, the CES mean 1…scale.
 * @param {string} kind
 * @param {number} scale
 * @returns {[number, number]}
 */
export function metricRange(kind, scale) {
  return kind === 'nps' ? [-100, 100] : kind === 'csat' ? [0, 100] : [1, scale]
}

/**
 * A score as {@link formatValue} writes it, with the decimals (up to three more) that keep it off
 * an end of its range it does not reach: 299 of 300 satisfied is "99.7%", where "100%" would say
 * no one was dissatisfied.
 * @param {string} kind
 * @param {number | null} value
 * @param {readonly number[]} range
 */
export function formatScore(kind, value, range) {
  let extra = 0
  const atEnd = () =>
    range.some(
      (end) => value !== end && formatValue(kind, value, extra) === formatValue(kind, end, extra),
    )
  while (value !== null && extra < 3 && atEnd()) extra++
  return formatValue(kind, value, extra)
}

/**
 * An interval's bounds as its metric is written, with as many more decimals as it takes (up to
 * three) to tell them apart: rounded alike, "100% to 100%" (1,000 answers, all satisfied) reads
 * as an interval of no width, a certainty no sample gives.
 * @param {string} kind
 * @param {Interval} ci
 * @returns {[string, string]}
 */
export function formatBounds(kind, ci) {
  let extra = 0
  while (extra < 3 && formatValue(kind, ci.low, extra) === formatValue(kind, ci.high, extra)) {
    extra++
  }
  return [formatValue(kind, ci.low, extra), formatValue(kind, ci.high, extra)]
}

/**
 * "95% CI +14 to +45", or a note that there is too little data for one.
 * @param {string} kind
 * @param {Interval | null} ci
 */
export function formatInterval(kind, ci) {
  if (!ci) return 'too few answers for an interval'
  const [low, high] = formatBounds(kind, ci)
  return `95% CI ${low} to ${high}`
}

/**
 * A percentage of a whole, for shares of answers; "—" for a share of nothing, which is no 0%,
 * and, like a score, neither 0% nor 100% for some but not all.
 * @param {number} part
 * @param {number} total
 */
export function formatShare(part, total) {
  return total === 0 ? '—' : formatScore('csat', (100 * part) / total, [0, 100])
}

const dayMs = 86_400_000

/**
 * The days of a trend period that a range holds when it cuts the period (the first and last weeks
 * of a range that starts or ends mid-week are not whole weeks), as the times of the first and the
 * last UTC midnight; `null` when the range holds the whole period. Days are whole days always.
 * @param {number} start the period's first midnight, in ms
 * @param {'day' | 'week'} interval
 * @param {string | null} from
 * @param {string | null} to
 * @returns {[number, number] | null}
 */
export function periodCut(start, interval, from, to) {
  const end = start + (interval === 'week' ? 7 : 1) * dayMs
  const first = Math.max(start, from ? Date.parse(from) : start)
  const last = Math.min(end, to ? Date.parse(to) : end) - 1
  if (interval !== 'week' || (first === start && last === end - 1)) return null
  return [first - (first % dayMs), last - (last % dayMs)]
}

/** @param {number} n */
export function formatCount(n) {
  return whole.format(n)
}
