import { npsBucket } from './npsBucket'
import type { Interval } from './wilsonInterval'

export interface NpsScore {
  n: number
  promoters: number
  passives: number
  detractors: number
  score: number | null
  ci: Interval | null
}

const z95 = 1.959963984540054

/**
 * Net Promoter Score of a set of 0–10 answers: %promoters − %detractors, from −100 to 100, with
 * its 95% confidence interval in the same units (adjusted Wald: with few answers it need not
 * contain the score, see below).
 *
 * Anything `npsBucket` rejects (not an integer 0–10) is left out of every count, `n` included,
 * so one bad row cannot poison an aggregate. With no valid answer, `score` and `ci` are `null`
 * rather than NaN.
 */
export function scoreNps(scores: readonly unknown[]): NpsScore {
  let promoters = 0
  let passives = 0
  let detractors = 0
  for (const value of scores) {
    const bucket = npsBucket(value)
    if (bucket === 'promoter') promoters++
    else if (bucket === 'passive') passives++
    else if (bucket === 'detractor') detractors++
  }
  const n = promoters + passives + detractors
  if (n === 0) return { n, promoters, passives, detractors, score: null, ci: null }
  return {
    n,
    promoters,
    passives,
    detractors,
    score: (100 * (promoters - detractors)) / n,
    ci: adjustedWald(promoters, detractors, n),
  }
}

// NPS is a difference of two proportions of one multinomial sample, so its variance is
// (p₊ + p₋ − (p₊ − p₋)²) / n, not the sum of two binomial variances. The plain Wald interval
// on it undercovers at small n and has zero width when every answer is a promoter (or every
// one a detractor). The adjusted Wald of Rocks (2016, "Interval estimation for the net promoter
// score", The American Statistician 70(4)), as MeasuringU publishes it, adds 3 pseudo-answers
// before computing it, in the spirit of Agresti–Coull: 3/4 a promoter, 3/4 a detractor and 3/2
// a passive, so n' = n + 3 and p± = (count± + 3/4) / n'. That brings coverage close to 95% even
// for a dozen answers. The interval is centred on the adjusted difference, pulled towards 0,
// so with few answers it can leave out the observed score (one promoter: NPS 100, interval
// −48 to 98): it bounds the true NPS, which a tiny sample overstates. The normal approximation
// can still reach past ±100 near the extremes, where no NPS can be, so the bounds are clamped.
function adjustedWald(promoters: number, detractors: number, n: number): Interval {
  const adjustedN = n + 3
  const pPlus = (promoters + 3 / 4) / adjustedN
  const pMinus = (detractors + 3 / 4) / adjustedN
  const difference = pPlus - pMinus
  const variance = pPlus + pMinus - difference * difference
  const margin = z95 * Math.sqrt(variance / adjustedN)
  return {
    low: Math.max(-100, 100 * (difference - margin)),
    high: Math.min(100, 100 * (difference + margin)),
  }
}
