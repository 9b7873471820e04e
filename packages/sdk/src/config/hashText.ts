import { fnv1a } from '@sonde/core'

/** A 64-bit fingerprint of `text` (two independent FNV-1a hashes), to recognise it again. */
export function hashText(text: string): string {
  return `${fnv1a(text).toString(36)}.${fnv1a(text, 0x9e3779b9).toString(36)}`
}
