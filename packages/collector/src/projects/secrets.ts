import { createHash, timingSafeEqual } from 'node:crypto'

/** The hex SHA-256 digest under which a read key is stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Whether `secret` hashes to `digest`, compared in constant time. */
export function matchesSecret(secret: string, digest: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex')
  const stored = Buffer.from(digest, 'hex')
  return given.length === stored.length && timingSafeEqual(given, stored)
}
