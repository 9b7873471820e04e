import { describe, expect, it } from 'vitest'
import { splitBatch } from './splitBatch'

describe('splitBatch', () => {
  it.each([
    [[], null],
    [[1], null],
    [
      [1, 2],
      [[1], [2]],
    ],
    [
      [1, 2, 3],
      [[1, 2], [3]],
    ],
    [
      [1, 2, 3, 4],
      [
        [1, 2],
        [3, 4],
      ],
    ],
  ])('%j → %j', (items, halves) => {
    expect(splitBatch(items)).toEqual(halves)
  })

  it('does not change its input', () => {
    const items = [1, 2, 3]
    splitBatch(items)
    expect(items).toEqual([1, 2, 3])
  })
})
