/** `read()`, or `fallback` when it throws: storage and Intl can throw under privacy settings. */
export function safe<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    return fallback
  }
}
