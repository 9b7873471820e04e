import { initOptionsSchema, parse } from '@sonde/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { withPrototypeJs } from '../test/withPrototypeJs'
import { optionsFromKey, optionsKey } from './optionsKey'

const base = { endpoint: '/v1/batch', key: 'pk', config: { surveys: [] } }
const hook = () => null

describe('optionsKey', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'new user traits',
      { user: { id: 'u', traits: { at: 1 } } },
      { user: { id: 'u', traits: { at: 2 } } },
    ],
    ['another context object', { context: { a: 1 } }, { context: { b: [2] } }],
    ['another beforeSend', { beforeSend: () => null }, { beforeSend: (e: unknown) => e }],
    ['an undefined field', { locale: undefined }, {}],
  ])('is the same for %s', (_, a, b) => {
    expect(optionsKey({ ...base, ...a })).toBe(optionsKey({ ...base, ...b }))
  })

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['another user id', { user: { id: 'u1' } }, { user: { id: 'u2' } }],
    ['a context function vs object', { context: () => ({}) }, { context: {} }],
    ['a survey changed', { config: { surveys: [{ id: 'a' }] } }, { config: { surveys: [] } }],
    ['traits that are not an object', { user: { traits: [] } }, { user: { traits: {} } }],
  ])('differs for %s', (_, a, b) => {
    expect(optionsKey({ ...base, ...a })).not.toBe(optionsKey({ ...base, ...b }))
  })

  it('has no key for what cannot be serialised', () => {
    const cyclic: Record<string, unknown> = { ...base }
    cyclic.user = { traits: {}, id: cyclic }
    const getter = Object.defineProperty({ ...base }, 'key', {
      enumerable: true,
      get: () => {
        throw new Error('no')
      },
    })
    expect(optionsKey(cyclic)).toBeNull()
    expect(optionsKey(getter)).toBeNull()
    expect(optionsKey('endpoint')).toBeNull()
    expect(optionsKey(null)).toBeNull()
  })
})

describe('optionsFromKey', () => {
  it('gives back the free fields and functions of the options it is asked for', () => {
    const traits = { plan: 'pro', at: new Date(0) }
    const options = { ...base, user: { id: 'u', traits }, context: hook, beforeSend: hook }
    const key = optionsKey(options) as string
    const value = optionsFromKey(key, options)
    expect(value).toEqual({ ...base, user: { id: 'u', traits }, context: hook, beforeSend: hook })
    expect(value?.user?.traits).toBe(traits)
    // The rest is the serialised form, not the host's objects: later changes do not leak in.
    expect(value?.config).not.toBe(base.config)
  })

  it('gives back arrays as arrays on a page whose Array.prototype.toJSON (Prototype.js) makes strings', async () => {
    const options = { ...base, config: { surveys: [] }, redact: { query: ['utm_source'] } }
    const key = await withPrototypeJs(() => optionsKey(options))
    expect(optionsFromKey(key as string, options)).toEqual(options)
  })

  it('refuses options whose free fields are not of the kind the key recorded', () => {
    const key = optionsKey({ ...base, beforeSend: hook }) as string
    expect(optionsFromKey(key, { ...base, beforeSend: '\u0000function' })).toBeNull()
    const withContext = optionsKey({ ...base, context: {} }) as string
    expect(optionsFromKey(withContext, { ...base, context: '\u0000object' })).toBeNull()
  })

  it('refuses options that no longer have the user the key recorded, and takes a key without one', () => {
    const key = optionsKey({ ...base, user: { id: 'u' } }) as string
    expect(optionsFromKey(key, base)).toBeNull()
    const without = optionsKey(base) as string
    expect(optionsFromKey(without, { ...base, user: { traits: {} } })).toEqual(base)
  })

  // Whatever options share a key with options that were valid run with a value that is valid.
  it('never turns invalid options into a hit with an invalid value', () => {
    const value = fc.oneof(
      { arbitrary: fc.constant(hook), weight: 4 },
      { arbitrary: fc.dictionary(fc.constantFrom('a', 'b'), fc.string()), weight: 4 },
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.constant('\u0000function'),
      fc.constant('\u0000object'),
      fc.array(fc.string(), { maxLength: 2 }),
    )
    // Two options alike except in the fields the key records only by kind.
    const field = fc.option(value, { nil: undefined, freq: 3 })
    const free = fc.record({ context: field, beforeSend: field, traits: field })
    const shared = fc.record({
      endpoint: fc.constantFrom('/v1/batch', 'https://c.test/v1/batch'),
      id: fc.string(),
      debug: fc.boolean(),
    })
    const build = (
      s: { endpoint: string; id: string; debug: boolean },
      f: { context: unknown; beforeSend: unknown; traits: unknown },
    ) => ({
      endpoint: s.endpoint,
      debug: s.debug,
      ...(f.context !== undefined ? { context: f.context } : {}),
      ...(f.beforeSend !== undefined ? { beforeSend: f.beforeSend } : {}),
      user: { id: s.id, ...(f.traits !== undefined ? { traits: f.traits } : {}) },
    })
    let hits = 0
    fc.assert(
      fc.property(shared, free, free, (s, a, b) => {
        const valid = build(s, a)
        if (!parse(initOptionsSchema, valid).ok) return
        const key = optionsKey(valid)
        const other = build(s, b)
        if (key === null || key !== optionsKey(other)) return
        const recalled = optionsFromKey(key, other)
        if (!recalled) return
        hits++
        expect(parse(initOptionsSchema, recalled).ok).toBe(true)
      }),
      { numRuns: 10_000 },
    )
    expect(hits).toBeGreaterThan(20)
  })
})
