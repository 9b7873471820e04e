import { describe, expect, it } from 'vitest'
import { compareAge } from './compareAge'
import type { OutboxRecord } from './types'

const record = (id: string, queuedAt: number): OutboxRecord => ({
  event: { id, type: 'survey.shown', at: '2025-03-01T12:00:00.000Z' },
  bytes: 80,
  state: 'queued',
  attempts: 0,
  nextAttemptAt: 0,
  queuedAt,
})

describe('compareAge', () => {
  it.each([
    ['older first', record('evt-b', 1), record('evt-a', 2), -1],
    ['newer last', record('evt-a', 2), record('evt-b', 1), 1],
    ['same time: by id', record('evt-a', 1), record('evt-b', 1), -1],
    ['same time: by id, reversed', record('evt-b', 1), record('evt-a', 1), 1],
    ['same record', record('evt-a', 1), record('evt-a', 1), 0],
  ])('%s', (_, a, b, sign) => {
    expect(Math.sign(compareAge(a, b))).toBe(sign)
  })
})
