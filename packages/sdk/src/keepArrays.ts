/**
 * A JSON.stringify replacer for pages whose Array.prototype.toJSON (Prototype.js, old MooTools)
 * turns every array into a string before a replacer sees it: the replacer still finds the array
 * itself on its holder, and keeps it.
 */
export function keepArrays(this: Record<string, unknown>, k: string, v: unknown): unknown {
  return Array.isArray(this[k]) ? this[k] : v
}
