type Fill = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then randomness. Ids sort by creation time,
 * which keeps the collector's primary-key index append-mostly.
 */
export function uuidv7(
  now = Date.now(),
  random: Fill = (bytes) => crypto.getRandomValues(bytes),
): string {
  const b = random(new Uint8Array(16))
  // A Uint8Array keeps a number's integer part modulo 256: the lowest byte of what is left.
  for (let i = 5, ms = Math.max(0, now); i >= 0; i--, ms /= 256) b[i] = ms
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  // Each byte as two hex digits (256 added for the leading zero, then cut), dashed 8-4-4-4-12.
  return Array.from(b, (byte) => (byte + 256).toString(16).slice(1))
    .join('')
    .replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')
}
