import { describe, expect, it } from 'vitest'
import { globToRegExp } from './globToRegExp'

describe('globToRegExp', () => {
  it.each([
    ['/app/*/settings', '/app/42/settings', true],
    ['/app/*/settings', '/app/42/43/settings', false],
    ['/app/*', '/app/', true],
    ['/app/**', '/app', true],
    ['/app/**', '/app/a/b', true],
    ['/app/**', '/apple', false],
    ['/app/**/settings', '/app/settings', true],
    ['/app/**/settings', '/app/a/b/settings', true],
    ['/app/**/settings', '/app/asettings', false],
    ['**/settings', '/a/settings', true],
    ['/a**b', '/a/x/b', true],
    ['/r/?', '/r/1', true],
    ['/r/?', '/r/12', false],
    ['/r/?', '/r//', false],
    ['/a.b', '/a.b', true],
    ['/a.b', '/axb', false],
    ['/(x)+[y]{2}|^$\\', '/(x)+[y]{2}|^$\\', true],
    ['/p', '/p/', false],
    ['/p', 'x/p', false],
  ])('%s on %s is %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected)
  })
})
