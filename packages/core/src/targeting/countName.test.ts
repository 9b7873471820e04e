import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countName } from './countName'

describe('countName', () => {
  it.each([
    [{}, 'export', 3, { export: 1 }],
    [{ export: 1 }, 'export', 3, { export: 2 }],
    [{ a: 1, b: 1 }, 'c', 3, { a: 1, b: 1, c: 1 }],
    // Full: a new name goes uncounted, one counted already still counts.
    [{ a: 1, b: 1, c: 1 }, 'd', 3, { a: 1, b: 1, c: 1 }],
    [{ a: 1, b: 1, c: 1 }, 'b', 3, { a: 1, b: 2, c: 1 }],
    [{}, 'constructor', 3, { constructor: 1 }],
    [{}, 'toString', 3, { toString: 1 }],
  ])('%j + %s (at most %i names) -> %j', (counts, name, max, expected) => {
    expect(countName(counts, name, max)).toEqual(expected)
  })

  it('counts __proto__ as an own key, leaving the prototype alone', () => {
    const once = countName({}, '__proto__', 3)
    const twice = countName(once, '__proto__', 3)
    expect(Object.keys(twice)).toEqual(['__proto__'])
    expect(Object.getOwnPropertyDescriptor(twice, '__proto__')?.value).toBe(2)
    expect(Object.getPrototypeOf(twice)).toBe(Object.prototype)
  })

  it('never holds more than max names, never loses a count, never changes its input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 60 }),
        fc.nat(10),
        (names, max) => {
          let counts: Readonly<Record<string, number>> = Object.freeze({})
          for (const name of names) counts = Object.freeze(countName(counts, name, max))
          expect(Object.keys(counts).length).toBeLessThanOrEqual(max)
          const first = [...new Set(names)].slice(0, max)
          for (const name of first)
            expect(Object.getOwnPropertyDescriptor(counts, name)?.value).toBe(
              names.filter((n) => n === name).length,
            )
        },
      ),
    )
  })
})
