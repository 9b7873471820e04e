import { describe, expect, it } from 'vitest'
import { readOwn } from './readOwn'

describe('readOwn', () => {
  it.each<[object | undefined, string, unknown]>([
    [{ a: 1 }, 'a', 1],
    [{ a: 1 }, 'b', undefined],
    [{}, 'constructor', undefined],
    [{}, 'toString', undefined],
    [{}, '__proto__', undefined],
    [JSON.parse('{"__proto__":3}'), '__proto__', 3],
    [Object.create({ inherited: 1 }), 'inherited', undefined],
    [Object.create(null), 'a', undefined],
    [undefined, 'a', undefined],
  ])('reads %j[%s] as %j', (record, key, value) => {
    expect(readOwn(record, key)).toBe(value)
  })
})
