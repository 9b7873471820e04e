import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { regexHazard } from './regexHazard'

// Atoms a URL rule is written with, and what can be repeated inside a group.
const atom = fc.constantFrom('a', 'b', '/', '-', '.', '\\d', '\\w', '[^/]', '[ab]', '\\/')
const repeat = fc.constantFrom('*', '+', '{1,}', '{2,}')
const any = fc.constantFrom('', '^', '/x/', 'a', '^/docs/')

describe('regexHazard', () => {
  it.each([
    ['(a+)+$', 'nested'],
    ['^/x/(.*)*$', 'nested'],
    ['(?:[^/]*b?)+c', 'nested'],
    ['(a|a)*$', 'overlap'],
    ['^(a|ab)+$', 'overlap'],
    ['(\\w|\\d)+!', 'overlap'],
    ['(\\/|/)*$', 'overlap'],
    ['(a|a){1,30}$', 'overlap'],
    ['(a|a){30}$', 'overlap'],
    ['(a+){3}x', 'nested'],
    ['(a{1,99}){1,99}$', 'nested'],
    ['(a{1,9}){1,9}$', 'nested'],
    ['(a{1,9}){9}$', 'nested'],
    ['.{0,999}.{0,999}.{0,999}x', 'degree'],
    ['(?:(?:a|a))*$', 'overlap'],
    ['^/((a|a)b)+$', 'overlap'],
    ['(\\x2F|/)+$', 'overlap'],
    ['(a?b|b)*$', 'nested'],
    ['(\\1|a)+$', 'overlap'],
    ['(?:a*-|-)+$', 'nested'],
    ['(?<seg>/|.)*x', 'overlap'],
    ['.*.*.*x', 'degree'],
    ['^.*.*.*x', 'degree'],
    ['.*a.*b', 'degree'],
    ['^/a|.*b.*c', 'degree'],
    ['a{2,}b{3,}c', 'degree'],
    // A pass that starts with a character its repetition can take, or with none surely.
    ['(/[^a]+)+$', 'nested'],
    ['(a[^/]+)+$', 'nested'],
    ['(/?[^/]+)+$', 'nested'],
    ['(/[^/]+[^/]*)+$', 'nested'],
    ['(/\\W+)+$', 'nested'],
    ['(/\\S+)+$', 'nested'],
    ['(/.+)+$', 'nested'],
    ['(/[\\x00-\\x7f]+)+$', 'nested'],
    ['(/[!-0]+)+$', 'nested'],
    ['((/[^/]+)+)+$', 'nested'],
    ['(/(?:[^/]+))+$', 'nested'],
    ['(/[^/]+|/a)+$', 'nested'],
    ['(/+[^/]+)+$', 'nested'],
    ['(1\\d+)+$', 'nested'],
  ])('refuses %s (%s)', (source, hazard) => {
    expect(regexHazard(source)).toBe(hazard)
  })

  it.each([
    '^/reports/\\d+$',
    'export',
    '^https?:\\/\\/app\\.acme\\.com/',
    'foo.*bar',
    '^/a/.*/b/.*/c',
    '/a/.*/b/.*',
    '^/(en|fr)/docs',
    '(foo|bar)+x',
    '^/users/[^/]+/settings$',
    '^(\\d{1,3}\\.){3}\\d{1,3}$',
    '^/f/[0-9a-f]{32}/.*edit',
    '^/a/\\d{1,5}/b',
    '(a|b){3}',
    '(a{1,9}){3}$',
    // Each pass starts with a character its one repetition cannot take: one way to split.
    '^(/[^/]+)+$',
    '^/docs(/[^/]*)*$',
    '^(/[a-z0-9-]+)+/?$',
    '^(/[^/?#]+){2,}$',
    '(-\\w+)+$',
    '^(\\.\\d+)+$',
    '(/a+)+$',
    '(/[^\\d/]+)+$',
    '[]a]*',
    '\\(a+\\)+',
    '[(]a+[)]+',
    '(',
    '',
  ])('takes %s', (source) => {
    expect(regexHazard(source)).toBeNull()
  })

  // Every repeated group that repeats inside, whatever surrounds it.
  it('refuses every repeated group with a repetition inside', () => {
    fc.assert(
      fc.property(any, atom, repeat, repeat, any, (before, inner, r1, r2, after) => {
        expect(regexHazard(`${before}(?:${inner}${r1})${r2}${after}`)).not.toBeNull()
      }),
      { numRuns: 2_000 },
    )
  })

  // What it takes, a backtracking engine answers at once on the strings that make it try every
  // way: a missed exponential shape would keep this test on one pattern for hours (hung before
  // the check existed, on such shapes as "(a|a)*$").
  it('takes nothing that backtracks exponentially on a crafted URL', () => {
    const simple = fc
      .array(fc.tuple(atom, fc.constantFrom('', '?', '*', '+')), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.map(([a, q]) => a + q).join(''))
    // An alternative of atoms and groups of alternatives: "((a|a)b)*" splits as "(ab|ab)*" does.
    const item = fc.oneof(
      atom,
      fc.array(simple, { minLength: 1, maxLength: 3 }).map((alts) => `(?:${alts.join('|')})`),
    )
    const group = fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.join(''))
    const pattern = fc
      .tuple(
        any,
        fc.array(group, { minLength: 1, maxLength: 3 }),
        repeat,
        fc.constantFrom('$', '!', 'x$'),
      )
      .map(
        ([before, alternatives, r, after]) => `${before}(?:${alternatives.join('|')})${r}${after}`,
      )
    const crafted = fc
      .tuple(
        fc.constantFrom('a', 'ab', '/a', '1', 'a-', '/', 'aab', 'ba'),
        fc.constantFrom('!', '/!', '#'),
      )
      .map(([unit, end]) => unit.repeat(Math.ceil(28 / unit.length)) + end)
    fc.assert(
      fc.property(pattern, crafted, (source, url) => {
        fc.pre(regexHazard(source) === null)
        expect(typeof new RegExp(source).test(url)).toBe('boolean')
      }),
      { numRuns: 3_000 },
    )
  })

  // What it takes of a group whose passes start with one character: each of them must split a
  // run one way only, or a crafted URL of that character's runs keeps this test for hours.
  it('takes a group of passes only where a crafted run of its first character splits one way', () => {
    const lead = fc.constantFrom('/', '-', 'a', '\\.', '1')
    const simple = fc
      .array(fc.tuple(atom, fc.constantFrom('', '?', '*', '+', '{1,3}')), {
        minLength: 1,
        maxLength: 3,
      })
      .map((parts) => parts.map(([a, q]) => a + q).join(''))
    const pattern = fc
      .tuple(any, lead, simple, repeat, fc.constantFrom('$', '!', 'x$'))
      .map(([before, first, rest, r, after]) => `${before}(?:${first}${rest})${r}${after}`)
    const crafted = fc
      .tuple(
        fc.constantFrom('/', '/a', '-', 'a', '.1', '1', '/1', 'a-', '//a'),
        fc.constantFrom('!', '/!', '#'),
      )
      .map(([unit, end]) => unit.repeat(Math.ceil(28 / unit.length)) + end)
    let taken = 0
    fc.assert(
      fc.property(pattern, crafted, (source, url) => {
        fc.pre(regexHazard(source) === null)
        taken++
        expect(typeof new RegExp(source).test(url)).toBe('boolean')
      }),
      { numRuns: 3_000 },
    )
    // Shapes such as "(?:/[^/]+)+$" are among them, not all refused.
    expect(taken).toBeGreaterThan(100)
  })
})
