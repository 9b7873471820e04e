import { describe, expect, it } from 'vitest'
import { formatPath } from './formatPath'

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['surveys', 2, 'questions', 0, 'scale'], 'surveys[2].questions[0].scale'],
    [[0, 'id'], '[0].id'],
    [['text', 'fr-CA'], 'text["fr-CA"]'],
    [['$schema'], '$schema'],
    [['a b', 1], '["a b"][1]'],
  ])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected)
  })
})
