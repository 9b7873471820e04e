import { describe, expect, it } from 'vitest'
import { lease } from './lease'
import type { OutboxRecord } from './types'

const record = (id: string, state: OutboxRecord['state']): OutboxRecord => ({
  event: { id, type: 'survey.shown', at: '2025-03-01T12:00:00.000Z' },
  bytes: 80,
  state,
  attempts: state === 'retry' ? 2 : 0,
  nextAttemptAt: 0,
  queuedAt: 0,
})

describe('lease', () => {
  it.each([
    ['queued', 1000, 60_000, 61_000],
    ['retry', 5, 10, 15],
    ['leased', 0, 1, 1],
  ] as const)('leases a %s record at %i for %i ms', (state, now, leaseMs, until) => {
    const input = record('evt-0001', state)
    expect(lease([input], now, leaseMs)).toEqual([{ ...input, state: 'leased', leaseUntil: until }])
    expect(input.state).toBe(state)
  })

  it('keeps order and attempts', () => {
    const leased = lease([record('evt-a', 'retry'), record('evt-b', 'queued')], 0, 1)
    expect(leased.map((r) => [r.event.id, r.attempts])).toEqual([
      ['evt-a', 2],
      ['evt-b', 0],
    ])
  })
})
