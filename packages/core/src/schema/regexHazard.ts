/** Why a regular expression could take seconds on a crafted URL, or null. */
export type RegexHazard = 'nested' | 'overlap' | 'degree'

// An atom as the scan keeps it: how its text can start (a character, or '' for any of many),
// and, for a group, whether it repeats inside and whether two of its alternatives start alike.
interface Atom {
  first: string
  /** What repeats inside: 0 nothing, 1 a count that varies a little, 2 one that varies more. */
  repeats: number
  overlaps: boolean
  /**
   * A group whose one varying repetition cannot take the character each pass starts with; and
   * whether that repetition has no end, counted already as one of the pattern's.
   */
  split: boolean
  counted: boolean
  /** One character's atom (not a group), and a class's text between its brackets. */
  one: boolean
  set: string | null
}

interface Frame {
  firsts: string[]
  repeats: number
  /** Two alternatives start alike here or in a group within, `((a|a)b)*` being `(ab|ab)*`. */
  overlaps: boolean
  /** How the current alternative starts; null while it is empty. */
  first: string | null
  /** Atoms read, and the character each pass starts with when its first atom is that, once. */
  atoms: number
  lead: string | null
  /** Repetitions of a count that varies inside, and whether each is of one atom not taking `lead`. */
  varying: number
  guarded: boolean
  /** The pattern's unbounded repetitions before this group. */
  before: number
}

const newFrame = (before = 0): Frame => ({
  firsts: [],
  repeats: 0,
  overlaps: false,
  first: null,
  atoms: 0,
  lead: null,
  varying: 0,
  guarded: true,
  before,
})

// Whether a class (its text between the brackets) can take `c`; true when it cannot tell.
function takes(set: string, c: string): boolean {
  const negated = set.startsWith('^')
  let listed = false
  let unsure = false
  for (let k = negated ? 1 : 0; k < set.length; ) {
    let low = set[k] as string
    k++
    if (low === '\\') {
      low = set[k] ?? ''
      k++
      if (/[dws]/i.test(low)) {
        if (new RegExp(`\\${low}`).test(c)) listed = true
        continue
      }
      if (/[a-z\d]/i.test(low)) {
        unsure = true
        continue
      }
    }
    let high = low
    if (set[k] === '-' && k + 1 < set.length) {
      high = set[k + 1] as string
      k += 2
      if (high === '\\') {
        unsure = true
        k++
        continue
      }
    }
    if (low <= c && c <= high) listed = true
  }
  return negated ? !listed : listed || unsure
}

const wide = ''
const repetition = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/

/**
 * Reads a regular expression's source (as `new RegExp(source)` takes it, no flags) for the
 * shapes a backtracking engine, as every browser's is, takes exponential or cubic time on: a
 * repeated group that repeats inside (`(a+)+`, `(.*)*`), a repeated group whose alternatives can
 * start with the same character (`(a|ab)*`, `(\w|\d)+`), and three unbounded repetitions counting
 * one for a pattern not anchored with `^` (`.*.*x`, `a.*b.*c`): a rule is matched on every event
 * against a URL anyone can send. A repetition ending the pattern costs nothing and is not
 * counted. Conservative: it may refuse a pattern that is safe, never the reverse for these
 * shapes; what it cannot see, quadratic time, the matcher bounds by the URL's length.
 */
export function regexHazard(source: string): RegexHazard | null {
  const stack: Frame[] = [newFrame()]
  let last: Atom | null = null
  let unbounded = 0
  let endingRepeat = false
  let hazard: RegexHazard | null = null
  let i = 0
  const top = () => stack[stack.length - 1] as Frame
  const atom = (first: string, set: string | null = null, group?: Omit<Atom, 'first'>) => {
    const current = top()
    current.first ??= first
    if (group?.overlaps) current.overlaps = true
    if (++current.atoms === 1 && !group && first.length === 1) current.lead = first
    last = group
      ? { first, ...group }
      : { first, repeats: 0, overlaps: false, split: false, counted: false, one: true, set }
    endingRepeat = false
  }
  while (i < source.length) {
    const c = source[i] as string
    const quantifier = repetition.exec(source.slice(i))
    if (c === '\\') {
      const next = source[i + 1] ?? ''
      i += 2
      if ('bB'.includes(next)) continue
      // An escaped sign is that sign; a class, a reference or a code (\x2F is "/") any.
      if (/[dws]/i.test(next)) atom(wide, `\\${next}`)
      else atom(/[xucpk\d]/i.test(next) ? wide : /[^a-z]/i.test(next) ? next : `\\${next}`)
      continue
    }
    if (c === '[') {
      let j = i + 1
      if (source[j] === '^') j++
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1
      const set = source.slice(i + 1, j)
      i = j + 1
      atom(wide, set)
      continue
    }
    if (c === '(') {
      const prefix = /^\(\?(?:[:=!]|<[=!]|<[^>]*>)?/.exec(source.slice(i))?.[0] ?? '('
      i += prefix.length
      stack.push(newFrame(unbounded))
      continue
    }
    if (c === '|' || c === ')') {
      const frame = top()
      // An empty alternative starts like any other.
      frame.firsts.push(frame.first ?? wide)
      frame.first = null
      i++
      if (c === '|') continue
      if (stack.length === 1) continue
      stack.pop()
      const { firsts, varying } = frame
      // `(/[^/]+)+` splits a run one way only: each pass starts at a "/" the one repetition
      // inside cannot take, so it is as safe as the glob "/**" it spells.
      const split = firsts.length === 1 && frame.lead !== null && varying === 1 && frame.guarded
      const overlaps =
        frame.overlaps ||
        (firsts.length > 1 &&
          firsts.some((f, k) =>
            firsts.some((g, n) => n !== k && (f === wide || g === wide || f === g)),
          ))
      atom(firsts.length === 1 ? (firsts[0] as string) : wide, null, {
        repeats: frame.repeats,
        overlaps,
        split,
        counted: unbounded > frame.before,
        one: false,
        set: null,
      })
      const parent = top()
      parent.repeats = Math.max(parent.repeats, frame.repeats)
      parent.varying += varying
      if (varying > 0) parent.guarded = false
      continue
    }
    if (quantifier && last) {
      const [text, , comma, max] = quantifier
      i += text.length
      if (source[i] === '?') i++
      const current = last as Atom
      // The most it takes: ten or more cost as much as no end (`.{0,999}` is `.*` to a URL).
      const most = text === '?' ? 1 : Number((comma === undefined ? quantifier[1] : max) || 1e9)
      const many = most >= 10
      // Any count that varies (`?` too): `(-?[^/]?)+` splits a run as many ways as `(a+)+`.
      const varies = comma !== undefined ? max !== quantifier[1] : quantifier[1] === undefined
      const level = varies ? (many ? 2 : 1) : 0
      // A count inside a count multiplies the ways: `(a{1,9}){1,9}` has 9^9 of them.
      const outer = many || (varies && most > 1) || most >= 4 ? 1 : most > 1 ? 2 : 3
      if (current.repeats >= outer && !current.split) hazard ??= 'nested'
      if (many && current.overlaps) hazard ??= 'overlap'
      const within = top()
      // A repeated first atom leaves no character each pass surely starts with.
      if (within.atoms === 1) within.lead = null
      if (level > 0) {
        within.varying++
        const { lead } = within
        const apart =
          lead !== null &&
          current.one &&
          (current.set === null
            ? current.first.length === 1 && current.first !== lead
            : !takes(current.set, lead))
        if (!apart) within.guarded = false
      }
      within.repeats = Math.max(within.repeats, level)
      if (level > 1) {
        // A split group's passes and the run inside are one unbounded repetition, not two.
        if (!(current.split && current.counted)) unbounded++
        endingRepeat = stack.length === 1
      }
      last = null
      continue
    }
    i++
    if (c === '^' || c === '$') {
      if (c === '$') endingRepeat = false
      continue
    }
    atom(c === '.' ? wide : c)
  }
  if (hazard) return hazard
  // Anchored when it starts with `^` and no `|` outside a group offers a way round it.
  const anchored = source.startsWith('^') && (stack[0] as Frame).firsts.length === 0
  const degree = unbounded - (endingRepeat ? 1 : 0) + (anchored ? 0 : 1)
  return degree >= 3 ? 'degree' : null
}
