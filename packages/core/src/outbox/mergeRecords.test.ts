import { describe, expect, it } from 'vitest'
import { mergeRecords } from './mergeRecords'
import type { OutboxRecord } from './types'

const record = (id: string, attempts = 0): OutboxRecord => ({
  event: { id, type: 'survey.shown', at: '2025-03-01T12:00:00.000Z' },
  bytes: 80,
  state: 'queued',
  attempts,
  nextAttemptAt: 0,
  queuedAt: 0,
})

const summary = (merged: Map<string, OutboxRecord>) =>
  [...merged.values()].map((r) => `${r.event.id}#${r.attempts}`).sort()

describe('mergeRecords', () => {
  it.each<[string, unknown[], OutboxRecord[], string[], string[]]>([
    ['store only', [record('a')], [], [], ['a#0']],
    ['the store wins', [record('a', 2)], [record('a', 1)], [], ['a#2']],
    ['acked by another tab', [], [record('a')], [], []],
    ['local write', [record('a', 2)], [record('a', 5)], ['a'], ['a#5']],
    ['local record the store has not seen', [], [record('b')], ['b'], ['b#0']],
    ['deleted here during the read', [record('a')], [], ['a'], []],
    [
      'malformed values skipped',
      [null, 4, 'a', {}, { event: {} }, { ...record('x'), bytes: 'no' }, record('ok')],
      [],
      [],
      ['ok#0'],
    ],
  ])('%s', (_, stored, memory, local, expected) => {
    const byId = new Map(memory.map((r) => [r.event.id, r]))
    expect(summary(mergeRecords(stored, byId, (id) => local.includes(id)))).toEqual(expected)
  })
})
