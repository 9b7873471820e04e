// `/**` as a whole segment, `**`, a `*` with the text up to a further `*` of its segment, `*`, `?`,
// and what a regular expression would read as syntax.
const token = /\/\*\*(?=\/|$)|\*\*|\*([^*/]*)(?=\*(?!\*))|\*|\?|[\\^$.|+()[\]{}]/g

/**
 * Turns a URL glob into an anchored regular expression: `*` is any run of characters within one
 * segment, `?` one such character, `**` anything across segments. A `/**` segment also matches
 * nothing: `/app/**` matches `/app`, and `/a/X/b` with X = `**` matches `/a/b`.
 */
export function globToRegExp(glob: string): RegExp {
  let groups = 0
  const convert = (text: string): string =>
    text.replace(token, (match, piece?: string) =>
      // Never empty where there is one: `**` is read first.
      piece
        ? // Each star but a segment's last takes the text up to the first place the next
          // piece fits, and never gives it back (a lookahead, then its capture): the
          // earliest place is always a right one, and `/docs/*-*-*` tried against a long
          // segment would otherwise try every split of it (a 3,000-character path froze
          // the page for seconds, on every event; anyone can send such a link).
          `(?=([^/]*?${convert(piece)}))\\${++groups}`
        : match === '/**'
          ? '(?:/.*)?'
          : match === '**'
            ? '.*'
            : match === '*'
              ? '[^/]*'
              : match === '?'
                ? '[^/]'
                : `\\${match}`,
    )
  return new RegExp(`^${convert(glob)}$`, 's')
}
