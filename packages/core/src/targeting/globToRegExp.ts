const special = /[\\^$.|+()[\]{}]/

/**
 * Turns a URL glob into an anchored regular expression: `*` is any run of characters within one
 * segment, `?` one such character, `**` anything across segments. A `/**` segment also matches
 * nothing: `/app/**` matches `/app`, and `/a/X/b` with X = `**` matches `/a/b`.
 */
export function globToRegExp(glob: string): RegExp {
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (
      c === '/' &&
      glob.startsWith('**', i + 1) &&
      (i + 3 === glob.length || glob[i + 3] === '/')
    ) {
      source += '(?:/.*)?'
      i += 2
    } else if (c === '*' && glob[i + 1] === '*') {
      source += '.*'
      i += 1
    } else if (c === '*') {
      source += '[^/]*'
    } else if (c === '?') {
      source += '[^/]'
    } else {
      source += special.test(c) ? `\\${c}` : c
    }
  }
  return new RegExp(`^${source}$`, 's')
}
