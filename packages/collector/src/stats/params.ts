/** Collects query parameters and hands out their `$n` placeholders. */
export interface Params {
  /** Adds a value and returns its placeholder. */
  add(value: unknown): string
  readonly values: unknown[]
}

/** A fresh parameter list: values never go into SQL text, only placeholders do. */
export function createParams(): Params {
  const values: unknown[] = []
  return {
    values,
    add(value) {
      values.push(value)
      return `$${values.length}`
    },
  }
}
