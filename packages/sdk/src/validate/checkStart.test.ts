import { describe, expect, it } from 'vitest'
import { checkStart } from './checkStart'

const base = 'https://app.example/reports/'

describe('checkStart', () => {
  it('resolves a relative endpoint and config URL against the page', () => {
    const checked = checkStart({ endpoint: '/v1/batch', config: 'sonde.json' }, base)
    expect(checked).toMatchObject({ ok: true, config: { url: `${base}sonde.json` } })
  })

  // A string the schema accepts that is still no URL: the one error names the field, where it
  // used to surface as a bare TypeError from the URL constructor.
  it.each([
    ['endpoint', { endpoint: 'https://' }],
    ['endpoint', { endpoint: 'http://[bad' }],
    ['config', { endpoint: '/v1/batch', config: 'http://[bad' }],
    ['config', { endpoint: '/v1/batch', config: 'https://' }],
  ])('refuses a %s that is not a URL: %j', (field, options) => {
    const checked = checkStart(options, base)
    expect(checked.ok).toBe(false)
    expect(checked.ok ? '' : checked.error).toMatch(
      new RegExp(`^invalid init options: ${field}: expected a URL`),
    )
  })

  // An app's user model is a class instance: identify() keeps what JSON keeps of it, and init's
  // user and context must take it too, rather than leave Sonde inert over "expected object, got
  // object".
  it.each([
    ['user.traits', (traits: object) => ({ user: { id: 'u_42', traits } })],
    ['context', (context: object) => ({ context })],
  ])('takes a class instance as %s', (_, options) => {
    class Account {
      plan = 'pro'
      roles = ['admin']
      save() {}
    }
    const checked = checkStart({ endpoint: '/v1/batch', ...options(new Account()) }, base)
    expect(checked).toMatchObject({ ok: true })
  })

  // README: `context` is an object or a function. Told only "expected a function", a host that
  // passed a string or an array would not learn that an object works too.
  it.each([['x'], [[1]], [42]])('refuses the context %j, saying both forms it takes', (context) => {
    const checked = checkStart({ endpoint: '/v1/batch', context }, base)
    expect(checked).toEqual({
      ok: false,
      error: 'invalid init options: context: expected an object or a function',
    })
  })
})
