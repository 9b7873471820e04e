/**
 * `record[key]` when `record` has that own property, else `undefined`. State and properties come
 * from JSON and user code, so `traits.constructor` must not find `Object.prototype.constructor`.
 */
export function readOwn(record: object | undefined, key: string): unknown {
  return record !== undefined && Object.hasOwn(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined
}
