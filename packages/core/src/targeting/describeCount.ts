import type { Count } from '../schema/condition'

const signs = { eq: '=', gt: '>', gte: '≥', lt: '<', lte: '≤' } as const

/** `≥ 3 and < 10`: a count's bounds for human messages. */
export function describeCount(count: Count): string {
  const parts: string[] = []
  for (const op of ['eq', 'gt', 'gte', 'lt', 'lte'] as const) {
    const bound = count[op]
    if (bound !== undefined) parts.push(`${signs[op]} ${bound}`)
  }
  return parts.length > 0 ? parts.join(' and ') : 'any number'
}
