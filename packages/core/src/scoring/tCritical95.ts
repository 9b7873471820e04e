// t(0.975, df) for df = 1…30, from scipy.stats.t.ppf; index 0 is df = 1.
const table = [
  12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363146,
  2.4469118511449786, 2.364624251592784, 2.306004135204166, 2.262157162798205, 2.228138851986274,
  2.200985160091639, 2.1788128296672284, 2.1603686564627913, 2.144786687917804, 2.131449545559776,
  2.1199052992212546, 2.1098155778333156, 2.1009220402410382, 2.0930240544083087, 2.085963447265864,
  2.0796138447276795, 2.0738730679040254, 2.0686576104190486, 2.0638985616280245,
  2.0595385527532972, 2.0555294386428735, 2.0518305164802846, 2.0484071417952454, 2.045229642132703,
  2.0422724563012378,
]

const z = 1.959963984540054
const z3 = z ** 3
const z5 = z ** 5
const z7 = z ** 7
const z9 = z ** 9
// Cornish–Fisher expansion of the t quantile around the normal one (Abramowitz & Stegun
// 26.7.5), four terms. It diverges at small df, hence the table; from df = 31 on its error is
// below 3e-8, far under anything a survey aggregate can resolve.
const g1 = (z3 + z) / 4
const g2 = (5 * z5 + 16 * z3 + 3 * z) / 96
const g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384
const g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160

/**
 * The critical value of Student's t for a two-sided 95% interval (the 0.975 quantile) with `df`
 * degrees of freedom: exact to double precision for df ≤ 30, within 3e-8 above.
 *
 * @throws RangeError when `df` is not an integer ≥ 1.
 */
export function tCritical95(df: number): number {
  if (!Number.isInteger(df) || df < 1) {
    throw new RangeError(`df must be an integer ≥ 1, got ${df}`)
  }
  const exact = table[df - 1]
  if (exact !== undefined) return exact
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4
}
