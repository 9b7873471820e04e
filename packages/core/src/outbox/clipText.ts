/**
 * `text` cut to at most `max` UTF-16 units, never between the two halves of a surrogate pair
 * (half a pair is text a receiver's database refuses, and JSON.stringify escapes it six-fold).
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text
  const code = text.charCodeAt(max - 1)
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max)
}
