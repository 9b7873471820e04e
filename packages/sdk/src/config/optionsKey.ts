import type { InitOptions } from '@sonde/core'

// Checking options costs the validator chunk (zod, ~10 KB brotli and ~25 ms of evaluation), so a
// page remembers the options it has seen valid, by the hash of a serialised form, and later pages
// with the same options skip it. The serialised form is what runs on a hit (parsed back), so
// whatever serialises alike (a Date and its ISO string, a missing and an undefined field) is one
// and the same input to the check. The two fields the schema leaves free, `user.traits` and
// `context`, count only by their kind: traits that change every page must not defeat the memo.
const FN = '\u0000function'
const OBJECT = '\u0000object'

type Loose = Record<string, unknown>

const isPlain = (v: unknown): v is Loose => {
  if (typeof v !== 'object' || v === null) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}
const kind = (v: unknown) => (isPlain(v) ? OBJECT : v)
const marker = (v: unknown) => (typeof v === 'function' ? FN : isPlain(v) ? OBJECT : null)

/** The serialised form of `init` options that identifies them to the memo, or null (cycles, getters that throw, …). */
export function optionsKey(options: unknown): string | null {
  try {
    if (!isPlain(options)) return null
    const shape: Loose = { ...options, context: kind(options.context) }
    if (isPlain(options.user)) shape.user = { ...options.user, traits: kind(options.user.traits) }
    // `this[k]` is the value before a page's Array.prototype.toJSON (Prototype.js) made a string
    // of it: arrays stay arrays.
    return JSON.stringify(shape, function (this: Loose, k, v) {
      return Array.isArray(this[k]) ? this[k] : typeof v === 'function' ? FN : v
    })
  } catch {
    return null
  }
}

/**
 * The options to run with on a hit: the key parsed back, with the free fields and the
 * functions of `options`; null when they are not of the kind the key recorded.
 */
export function optionsFromKey(key: string, options: Loose): InitOptions | null {
  try {
    const value = JSON.parse(key) as Loose & { user?: Loose }
    const free: Array<[Loose, string, unknown]> = [
      [value, 'context', options.context],
      [value, 'beforeSend', options.beforeSend],
      // Read only when the key has a user: a user the host took away since then throws.
      [value.user ?? {}, 'traits', value.user && (options.user as Loose).traits],
    ]
    for (const [holder, field, original] of free) {
      if (holder[field] === undefined) continue
      const expected = marker(original)
      if (expected === null || holder[field] !== expected) return null
      holder[field] = original
    }
    return value as InitOptions
  } catch {
    return null
  }
}
