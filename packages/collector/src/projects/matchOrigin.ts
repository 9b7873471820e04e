/**
 * Whether `origin` (the request's Origin header) is in `allowed`. Both sides are compared in
 * their canonical form (`new URL(x).origin`), so `https://App.example.com/` in a projects file
 * matches the `https://app.example.com` a browser sends. `*` allows any origin; the opaque
 * origin `null` (sandboxed frames, files) only when listed as `null`.
 */
export function matchOrigin(allowed: readonly string[], origin: string): boolean {
  if (allowed.includes('*')) return true
  if (origin === 'null') return allowed.includes('null')
  const canonical = canonicalOrigin(origin)
  return canonical !== null && allowed.some((entry) => canonicalOrigin(entry) === canonical)
}

/** The canonical origin of a URL or origin string, or `null` when it is not one. */
export function canonicalOrigin(value: string): string | null {
  try {
    const origin = new URL(value).origin
    return origin === 'null' ? null : origin
  } catch {
    return null
  }
}
