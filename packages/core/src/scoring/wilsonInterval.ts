export interface Interval {
  low: number
  high: number
}

// Two-sided 95%: the 0.975 quantile of the standard normal.
const z95 = 1.959963984540054

/**
 * Confidence interval of a proportion `successes / n` by the Wilson score method, as proportions
 * in [0, 1].
 *
 * Wilson rather than Wald (p ± z·√(p(1−p)/n)) because Wald undercovers badly at small n and
 * collapses to a zero-width interval at 0 or n successes ("100% satisfied, ± 0 from 3 answers").
 * Wilson keeps close to nominal coverage there and never leaves [0, 1].
 *
 * With `n = 0` nothing is known and the interval is the whole of [0, 1].
 *
 * @param z the normal quantile; the default gives a two-sided 95% interval.
 * @throws RangeError when `n` or `successes` is negative or not finite, `successes > n`, or `z`
 *   is not a positive finite number: those are bugs in the caller's arithmetic, not bad data.
 */
export function wilsonInterval(successes: number, n: number, z: number = z95): Interval {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`n must be ≥ 0, got ${n}`)
  if (!Number.isFinite(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be within 0…${n}, got ${successes}`)
  }
  if (!Number.isFinite(z) || z <= 0) throw new RangeError(`z must be > 0, got ${z}`)
  if (n === 0) return { low: 0, high: 1 }

  // The usual (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), multiplied through by n.
  const z2 = z * z
  const denominator = n + z2
  const center = (successes + z2 / 2) / denominator
  const half = (z / denominator) * Math.sqrt((successes * (n - successes)) / n + z2 / 4)
  // At 0 or n successes the bound equals the estimate in exact arithmetic; pin it so rounding
  // can neither leave [0, 1] nor exclude the estimate.
  const low = successes === 0 ? 0 : Math.max(0, center - half)
  const high = successes === n ? 1 : Math.min(1, center + half)
  return { low, high }
}
