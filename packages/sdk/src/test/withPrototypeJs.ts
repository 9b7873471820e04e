/**
 * Runs `run` on a page with Prototype.js 1.6's (and old MooTools') `Array.prototype.toJSON`, under
 * which `JSON.stringify([1])` is `'"[1]"'`, then takes it away again, also when `run` throws or
 * its promise rejects.
 */
export async function withPrototypeJs<T>(run: () => T | Promise<T>): Promise<T> {
  const before = Object.getOwnPropertyDescriptor(Array.prototype, 'toJSON')
  Object.defineProperty(Array.prototype, 'toJSON', {
    configurable: true,
    writable: true,
    value(this: unknown[]) {
      return `[${this.join(',')}]`
    },
  })
  try {
    return await run()
  } finally {
    if (before) Object.defineProperty(Array.prototype, 'toJSON', before)
    else delete (Array.prototype as { toJSON?: unknown }).toJSON
  }
}
