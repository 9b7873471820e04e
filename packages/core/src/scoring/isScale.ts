/** Whether `scale` can be the top of a 1…scale rating: an integer ≥ 2. */
export function isScale(scale: unknown): scale is number {
  return typeof scale === 'number' && Number.isInteger(scale) && scale >= 2
}
