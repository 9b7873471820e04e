import { describe, expect, it } from 'vitest'
import { createMemoryStore } from './createMemoryStore'
import type { OutboxRecord } from './types'

const record = (id: string, attempts = 0): OutboxRecord => ({
  event: { id, type: 'survey.shown', at: '2025-03-01T12:00:00.000Z' },
  bytes: 80,
  state: 'queued',
  attempts,
  nextAttemptAt: 0,
  queuedAt: 0,
})

const ids = (list: OutboxRecord[]) => list.map((r) => `${r.event.id}#${r.attempts}`).sort()

describe('createMemoryStore', () => {
  it.each<[string, (store: ReturnType<typeof createMemoryStore>) => Promise<unknown>, string[]]>([
    ['empty', async () => {}, []],
    ['put', (s) => s.put([record('a'), record('b')]), ['a#0', 'b#0']],
    ['put replaces', (s) => s.put([record('a'), record('a', 3)]), ['a#3']],
    [
      'delete, unknown ids ignored',
      async (s) => {
        await s.put([record('a'), record('b')])
        await s.delete(['a', 'zzz'])
      },
      ['b#0'],
    ],
  ])('%s', async (_, act, expected) => {
    const store = createMemoryStore()
    await act(store)
    expect(ids(await store.all())).toEqual(expected)
  })

  it('copies records in and out', async () => {
    const store = createMemoryStore()
    const original = record('a')
    await store.put([original])
    original.attempts = 9
    const [read] = await store.all()
    if (read) read.attempts = 7
    expect(ids(await store.all())).toEqual(['a#0'])
  })

  it('resolves a delete to how many of the ids were stored', async () => {
    const store = createMemoryStore()
    await store.put([record('a'), record('b')])
    expect(await store.delete(['a', 'zzz', 'a', 'b'])).toBe(2)
  })

  it.each([
    [[3], 3],
    [[3, -1], 2],
    [[1, -5, 2], 2],
  ])('adds %j to a count, never going below 0, up to %i', async (deltas, expected) => {
    const store = createMemoryStore()
    const counts: number[] = []
    for (const delta of deltas) counts.push(await store.addMeta('dropped', delta))
    expect(counts.at(-1)).toBe(expected)
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(0)
    expect(await store.getMeta('dropped')).toBe(expected)
  })

  it('keeps meta values apart from records', async () => {
    const store = createMemoryStore()
    expect(await store.getMeta('dropped')).toBeUndefined()
    await store.setMeta('dropped', 4)
    expect(await store.getMeta('dropped')).toBe(4)
    expect(await store.all()).toEqual([])
  })
})
