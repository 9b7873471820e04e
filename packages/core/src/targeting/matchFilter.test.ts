import { describe, expect, it } from 'vitest'
import type { Filter } from '../schema/condition'
import { matchFilter } from './matchFilter'

describe('matchFilter', () => {
  it.each<[Filter, unknown, boolean]>([
    // a bare scalar means eq, without coercion
    ['pro', 'pro', true],
    ['pro', 'Pro', false],
    [3, 3, true],
    [3, '3', false],
    [true, true, true],
    [false, undefined, false],
    [null, null, true],
    [null, undefined, false],
    // comparison objects
    [{ eq: 'a' }, 'a', true],
    [{ eq: 'a' }, undefined, false],
    [{ neq: 'a' }, 'b', true],
    [{ neq: 'a' }, undefined, true],
    [{ neq: 'a' }, 'a', false],
    [{ in: ['pro', 'team'] }, 'team', true],
    [{ in: ['pro', 'team'] }, 'free', false],
    [{ in: [] }, 'free', false],
    [{ in: [null] }, null, true],
    [{ contains: 'port' }, 'export', true],
    [{ contains: 'port' }, 'EXPORT', false],
    [{ contains: 'port' }, 42, false],
    [{ contains: 'csv' }, ['csv', 'pdf'], true],
    [{ contains: 'csv' }, ['CSV'], false],
    [{ contains: 2 }, [1, 2], true],
    [{ contains: 2 }, ['2'], false],
    [{ contains: 2 }, 'a2b', true],
    [{ contains: 'a' }, undefined, false],
    [{ gt: 3 }, 4, true],
    [{ gt: 3 }, 3, false],
    [{ gt: 3 }, '4', false],
    [{ gte: 3 }, 3, true],
    [{ lt: 3 }, 2, true],
    [{ lt: 3 }, 3, false],
    [{ lte: 3 }, 3, true],
    [{ lte: 3 }, Number.NaN, false],
    [{ gte: 100, lt: 1000 }, 500, true],
    [{ gte: 100, lt: 1000 }, 1000, false],
    [{ exists: true }, 0, true],
    [{ exists: true }, '', true],
    [{ exists: true }, null, false],
    [{ exists: true }, undefined, false],
    [{ exists: false }, undefined, true],
    [{ exists: false }, null, true],
    [{ exists: false }, 0, false],
    [{ eq: 'a', exists: true }, 'a', true],
    [{}, undefined, true],
    [{}, 'anything', true],
  ])('%j on %j is %s', (filter, value, expected) => {
    expect(matchFilter(filter, value)).toBe(expected)
  })
})
