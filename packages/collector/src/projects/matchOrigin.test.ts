import { describe, expect, it } from 'vitest'
import { matchOrigin } from './matchOrigin'

describe('matchOrigin', () => {
  const allowed = ['https://App.example.com/', 'http://localhost:5173']
  it.each([
    ['https://app.example.com', true],
    ['https://app.example.com:443', true],
    ['http://localhost:5173', true],
    ['http://app.example.com', false],
    ['https://app.example.com.evil.net', false],
    ['http://localhost:5174', false],
    ['null', false],
    ['not a url', false],
  ])('%s → %s', (origin, expected) => {
    expect(matchOrigin(allowed, origin)).toBe(expected)
  })

  it('allows anything with *, and the opaque origin only when listed', () => {
    expect(matchOrigin(['*'], 'https://x.example')).toBe(true)
    expect(matchOrigin(['null'], 'null')).toBe(true)
    expect(matchOrigin([], 'https://x.example')).toBe(false)
  })
})
