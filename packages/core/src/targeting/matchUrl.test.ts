import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { UrlRule } from '../schema/urlRule'
import { compileUrlRule } from './compileUrlRule'
import { matchUrl } from './matchUrl'

describe('matchUrl', () => {
  it.each<[UrlRule, string, boolean]>([
    // exact: the path, one trailing slash ignored, query and fragment ignored
    [{ exact: '/reports' }, '/reports', true],
    [{ exact: '/reports' }, '/reports/', true],
    [{ exact: '/reports/' }, '/reports', true],
    [{ exact: '/reports' }, '/reports?tab=2#top', true],
    [{ exact: '/reports' }, 'https://app.acme.com/reports', true],
    [{ exact: '/reports' }, '/reports/1', false],
    [{ exact: '/reports' }, '/Reports', false],
    [{ exact: '/' }, '/', true],
    [{ exact: '/' }, 'https://acme.com', true],
    [{ exact: '/' }, '/a', false],
    // exact with a scheme: the full URL, query included, host case-insensitive
    [{ exact: 'https://acme.com/a' }, 'https://ACME.com/a/', true],
    [{ exact: 'https://Acme.com/a' }, 'https://acme.com/a', true],
    [{ exact: 'https://acme.com/a' }, '/a', false],
    [{ exact: 'https://acme.com/a' }, 'https://acme.com/a?q=1', false],
    [{ exact: 'https://acme.com/a?q=1' }, 'https://acme.com/a?q=1#x', true],
    [{ exact: 'https://acme.com/a' }, 'https://evil.com/a', false],
    [{ exact: 'https://acme.com' }, 'https://acme.com/', true],
    // prefix: a plain string prefix of the path
    [{ prefix: '/app' }, '/app', true],
    [{ prefix: '/app' }, '/app/settings', true],
    [{ prefix: '/app' }, '/apple', true],
    [{ prefix: '/app/' }, '/app', false],
    [{ prefix: '/app' }, '/ap', false],
    [{ prefix: '/app' }, '/x/app', false],
    [{ prefix: '/app' }, 'https://acme.com/app/x?y=1', true],
    [{ prefix: 'https://app.acme.com/' }, 'https://app.acme.com/dash', true],
    [{ prefix: 'https://app.acme.com' }, 'https://APP.acme.com', true],
    [{ prefix: 'https://app.acme.com/' }, '/dash', false],
    [{ prefix: 'https://app.acme.com/' }, 'http://app.acme.com/', false],
    // glob
    [{ glob: '/app/*/settings' }, '/app/42/settings?x', true],
    [{ glob: '/app/*/settings' }, '/app/42/43/settings', false],
    [{ glob: '/app/**' }, '/app', true],
    [{ glob: '/app/**/export' }, 'https://acme.com/app/r/7/export', true],
    [{ glob: '/r/?' }, '/r/1', true],
    [{ glob: 'https://*.acme.com/**' }, 'https://eu.acme.com/any/path?q=1', true],
    [{ glob: 'https://*.acme.com/**' }, 'https://acme.com/', false],
    [{ glob: 'https://*.acme.com/**' }, '/any/path', false],
    [{ glob: '*://acme.com/p' }, 'http://acme.com/p', true],
    // regex: unanchored unless anchored, on the path unless it names a scheme
    [{ regex: '^/reports/\\d+$' }, '/reports/17', true],
    [{ regex: '^/reports/\\d+$' }, '/reports/17?x=1', true],
    [{ regex: '^/reports/\\d+$' }, '/reports/a', false],
    [{ regex: 'export' }, '/a/export/b', true],
    [{ regex: '^https?:\\/\\/app\\.acme\\.com/' }, 'http://app.acme.com/a', true],
    [{ regex: '^https?://app\\.acme\\.com/' }, 'https://app.acme.com/a', true],
    [{ regex: '^https?:\\/\\/app\\.acme\\.com/' }, '/a', false],
    [{ regex: '^https://acme\\.com/\\?q=1$' }, 'https://acme.com/?q=1#frag', true],
    // non-ASCII paths: percent-encoded in location.href, so in the rule too (the schema says so)
    [{ prefix: '/caf%C3%A9' }, 'https://acme.fr/caf%C3%A9/menu', true],
    [
      { exact: '/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D0%B8' },
      '/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D0%B8/',
      true,
    ],
    [{ regex: '(' }, '/(', false],
    [{ regex: '[' }, 'https://acme.com/[', false],
  ])('%j on %s is %s', (rule, url, expected) => {
    expect(matchUrl(rule, url)).toBe(expected)
  })

  it('compiles an equal rule once', () => {
    expect(compileUrlRule({ glob: '/a/*' })).toBe(compileUrlRule({ glob: '/a/*' }))
  })

  it('keeps working past the cache bound', () => {
    for (let i = 0; i < 1500; i++) expect(matchUrl({ exact: `/p/${i}` }, `/p/${i}`)).toBe(true)
    expect(matchUrl({ exact: '/p/3' }, '/p/4')).toBe(false)
  })

  // A link anyone can send may be 100 KB long, and a rule the validator takes still costs a
  // backtracking engine time in proportion to its square (".*x" on 100,000 characters: 16 s in V8,
  // "/**/a/**/b" alike): matched on every event, such a link froze the page. Past 2,000
  // characters (the longest URL every browser and server keeps) a glob or regex holds for nothing.
  it('answers at once on a crafted link of 100 KB, a glob or regex holding for nothing there', () => {
    const rule = fc.constantFrom<UrlRule>(
      { regex: '.*x' },
      { regex: 'foo.*bar' },
      { regex: '^https://acme\\.com/.*/edit' },
      { glob: '/**/a/**/b' },
      { glob: 'https://acme.com/**/x' },
      { glob: '/a/**' },
    )
    const url = fc
      .tuple(
        fc.constantFrom('', 'https://acme.com'),
        fc.constantFrom('a', '/a', 'foo', '/', '%2F', 'é', '/a/b'),
        fc.constantFrom('', '?q=/a', '#/x'),
      )
      .map(([origin, unit, end]) => `${origin}/${unit.repeat(100_000 / unit.length)}${end}`)
    fc.assert(
      fc.property(rule, url, (r, u) => {
        expect(matchUrl(r, u)).toBe(false)
      }),
      { numRuns: 40 },
    )
  })

  it('matches a glob or regex up to 2,000 characters, query included for a full URL', () => {
    const path = `/a/${'b'.repeat(1_997)}`
    expect(matchUrl({ glob: '/a/*' }, path)).toBe(true)
    expect(matchUrl({ regex: '^/a/b+$' }, `${path}?${'q'.repeat(5_000)}`)).toBe(true)
    expect(matchUrl({ glob: '/a/*' }, `${path}b`)).toBe(false)
    const full = `https://x.io/a/${'b'.repeat(1_985)}`
    expect(matchUrl({ glob: 'https://x.io/a/*' }, full)).toBe(true)
    expect(matchUrl({ glob: 'https://x.io/a/*' }, `${full}#${'h'.repeat(5_000)}`)).toBe(true)
    expect(matchUrl({ glob: 'https://x.io/a/*' }, `${full}?`)).toBe(false)
    expect(matchUrl({ prefix: '/a/' }, `${path}bb`)).toBe(true)
  })
})
