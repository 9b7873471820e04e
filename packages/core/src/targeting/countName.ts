import { readOwn } from './readOwn'

/**
 * `counts` with one more `name`, as a new object; `counts` itself when `name` is new and `max`
 * names are counted already. Names are the host's: an app naming each item viewed
 * (view_item_18342) would otherwise grow the counts, copied and stored at every event, without
 * end. A name such as `__proto__` or `constructor` is counted as any other. Pure.
 */
export function countName(
  counts: Readonly<Record<string, number>>,
  name: string,
  max: number,
): Readonly<Record<string, number>> {
  const n = readOwn(counts, name)
  const count = typeof n === 'number' ? n : 0
  return count || Object.keys(counts).length < max ? { ...counts, [name]: count + 1 } : counts
}
