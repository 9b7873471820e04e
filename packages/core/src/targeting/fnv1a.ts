/**
 * FNV-1a 32-bit over the UTF-16 code units of `text` (its bytes, for ASCII), as an unsigned
 * integer. A different `basis` gives an independent hash of the same text.
 */
export function fnv1a(text: string, basis = 0x811c9dc5): number {
  let hash = basis
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
