/** `read()`, or `fallback` when it throws: storage and Intl can throw under privacy settings. */
export function safe<T>(read: () => T, fallback: T): T
/** `read()`, or undefined when it throws (what it does is all that counts). */
export function safe<T>(read: () => T): T | undefined
export function safe<T>(read: () => T, fallback?: T): T | undefined {
  try {
    return read()
  } catch {
    return fallback
  }
}
