import { describe, expect, it } from 'vitest'
import { historyKey } from './historyKey'

describe('historyKey', () => {
  it.each([
    ['survey', 'nps-q4', 'survey:nps-q4'],
    ['tour', 'welcome', 'tour:welcome'],
    ['tour', 'a:b', 'tour:a:b'],
  ] as const)('keys %s %s as %s', (kind, id, key) => {
    expect(historyKey(kind, id)).toBe(key)
  })
})
