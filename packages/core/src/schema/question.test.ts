import { describe, expect, it } from 'vitest'
import { parse } from './parse'
import { idSchema } from './question'

describe('idSchema', () => {
  it.each(['nps-q4', 'a', 'x'.repeat(64), 'v1.2', 'a:b_c', '...', '.a', 'a..'])(
    'accepts %j',
    (id) => {
      expect(parse(idSchema, id)).toEqual({ ok: true, value: id })
    },
  )

  it.each(['', '.', '..', 'x'.repeat(65), 'a/b', 'é', 'a b', '%2e'])('refuses %j', (id) => {
    expect(parse(idSchema, id).ok).toBe(false)
  })

  it('says what an id may be', () => {
    expect(parse(idSchema, '..')).toMatchObject({
      ok: false,
      errors: [
        { path: '', message: 'expected an id of 1–64 letters, digits, _ . : - (not "." or "..")' },
      ],
    })
  })
})
