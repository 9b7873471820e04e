import type { Copies } from '../delivery/unsentCopy'
import { UNSENT } from '../delivery/unsentKey'

/** The unsent copies' storage in memory, for tests. */
export function memoryCopies(): Copies {
  const map = new Map<string, string>()
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
    pages: () => [...map.keys()].filter((key) => key.startsWith(`${UNSENT}.`)),
    awake: () => true,
  }
}
