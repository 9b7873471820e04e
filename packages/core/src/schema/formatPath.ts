const identifier = /^[A-Za-z_$][\w$]*$/

/** Writes an issue path the way a reader of the JSON looks for it: `surveys[2].questions[0].scale`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else if (typeof key === 'string' && identifier.test(key)) out += out ? `.${key}` : key
    else out += `[${JSON.stringify(String(key))}]`
  }
  return out
}
