import { fnv1a } from '@sonde/core'

/** The database name for one endpoint + key, so two Sonde setups on a page never mix queues. */
export function storeName(endpoint: string, key = ''): string {
  // Hashing UTF-16 units names the same databases as hashing code points did: the two differ only
  // beyond U+FFFF, which a resolved URL never holds (storeName.test.ts keeps them equal).
  return `sonde-outbox-${fnv1a(`${endpoint}\u0000${key}`).toString(36)}`
}
