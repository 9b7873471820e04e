import { describe, expect, it } from 'vitest'
import { splitUrl } from './splitUrl'

describe('splitUrl', () => {
  it.each([
    ['https://Example.COM/a/b?x=1#h', 'https://example.com', '/a/b', '?x=1', '#h'],
    ['http://x.com:8080/p', 'http://x.com:8080', '/p', '', ''],
    ['https://x.com', 'https://x.com', '/', '', ''],
    ['https://x.com?q=1', 'https://x.com', '/', '?q=1', ''],
    ['https://x.com#top', 'https://x.com', '/', '', '#top'],
    ['//cdn.x.com/p', '//cdn.x.com', '/p', '', ''],
    ['/a?b#c', '', '/a', '?b', '#c'],
    ['/a#b?c', '', '/a', '', '#b?c'],
    ['/A/B/', '', '/A/B/', '', ''],
    ['a/b', '', 'a/b', '', ''],
    ['', '', '', '', ''],
    ['?only', '', '', '?only', ''],
  ])('splits %j', (url, origin, path, query, hash) => {
    expect(splitUrl(url)).toEqual({ origin, path, query, hash })
  })
})
