import { describe, expect, it } from 'vitest'
import { createLedger } from './createLedger'
import { createMemoryStore } from './createMemoryStore'
import type { OutboxRecord, Store } from './types'

const record = (id: string, attempts = 0): OutboxRecord => ({
  event: { id, type: 'survey.shown', at: '2025-03-01T12:00:00.000Z' },
  bytes: 80,
  state: 'queued',
  attempts,
  nextAttemptAt: 0,
  queuedAt: 0,
})

const held = (records: ReadonlyMap<string, OutboxRecord>) =>
  [...records.values()].map((r) => `${r.event.id}#${r.attempts}`).sort()

/** A memory store whose methods fail while their name is in `failing`. */
function flaky() {
  const memory = createMemoryStore()
  const failing = new Set<keyof Store>()
  const guard =
    <A extends unknown[], R>(name: keyof Store, method: (...args: A) => Promise<R>) =>
    (...args: A) =>
      failing.has(name) ? Promise.reject(new Error(`${name} failed`)) : method(...args)
  const store: Store = {
    put: guard('put', memory.put),
    delete: guard('delete', memory.delete),
    all: guard('all', memory.all),
    getMeta: guard('getMeta', memory.getMeta),
    setMeta: guard('setMeta', memory.setMeta),
    addMeta: guard('addMeta', memory.addMeta),
  }
  return { store, memory, failing }
}

describe('createLedger', () => {
  it('loads the records and the dropped count', async () => {
    const store = createMemoryStore()
    await store.put([record('a'), record('b')])
    await store.setMeta('dropped', 3)
    const { ledger, loaded } = createLedger(store)
    await loaded
    expect(held(ledger.records)).toEqual(['a#0', 'b#0'])
    expect(ledger.dropped()).toBe(3)
  })

  it.each([
    [4, 4],
    [-2, 0],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
    ['7', 0],
  ])('reads a stored dropped count of %j as %i', async (value, count) => {
    const store = createMemoryStore()
    await store.setMeta('dropped', value as number)
    const { ledger, loaded } = createLedger(store)
    await loaded
    expect(ledger.dropped()).toBe(count)
  })

  it('adds, updates only held records, removes and drops', async () => {
    const drops: string[] = []
    const store = createMemoryStore()
    const { ledger, loaded } = createLedger(store, (e, reason) => drops.push(`${e.id}:${reason}`))
    await loaded
    expect(await ledger.add([record('a'), record('b'), record('c')])).toBe(true)
    await ledger.update([record('a', 1), record('zzz', 1)])
    await ledger.remove(['b'])
    await ledger.drop([{ record: record('c'), reason: 'http_400' }])
    expect(held(ledger.records)).toEqual(['a#1'])
    expect((await store.all()).map((r) => r.event.id)).toEqual(['a'])
    expect(drops).toEqual(['c:http_400'])
    expect(ledger.dropped()).toBe(1)
    expect(await store.getMeta('dropped')).toBe(1)
    await ledger.settleDropped(await ledger.report(), true)
    expect(ledger.dropped()).toBe(0)
    expect(await store.getMeta('dropped')).toBe(0)
  })

  it('reports the stored count less what batches in flight carry; takes off what was delivered', async () => {
    const store = createMemoryStore()
    await store.setMeta('dropped', 2)
    const { ledger, loaded } = createLedger(store)
    await loaded
    const first = await ledger.report()
    await store.addMeta('dropped', 3) // lost meanwhile in another tab
    const second = await ledger.report()
    expect([first, second, await ledger.report()]).toEqual([2, 3, 0])
    await ledger.settleDropped(first, false) // its batch failed: reported again
    await ledger.settleDropped(second, true)
    expect(await store.getMeta('dropped')).toBe(2)
    expect(await ledger.report()).toBe(2)
  })

  it('counts a record dropped in two tabs once: the second finds it gone', async () => {
    const store = createMemoryStore()
    await store.put([record('a'), record('b')])
    const [tabA, tabB] = [createLedger(store), createLedger(store)]
    await Promise.all([tabA.loaded, tabB.loaded])
    const drop = (id: string) => ({ record: record(id), reason: 'expired' })
    await tabA.ledger.drop([drop('a'), drop('b')])
    await tabB.ledger.drop([drop('a')])
    expect(await store.getMeta('dropped')).toBe(2)
    expect(await tabB.ledger.report()).toBe(2)
  })

  it('survives an onDrop that throws', async () => {
    const { ledger, loaded } = createLedger(createMemoryStore(), () => {
      throw new Error('listener bug')
    })
    await loaded
    await ledger.add([record('a')])
    await ledger.drop([{ record: record('a'), reason: 'overflow' }])
    expect(ledger.dropped()).toBe(1)
  })

  it('keeps a record whose write failed, and writes it with the next update', async () => {
    const { store, memory, failing } = flaky()
    const { ledger, loaded } = createLedger(store)
    await loaded
    failing.add('put')
    expect(await ledger.add([record('a')])).toBe(false)
    await ledger.refresh()
    expect(held(ledger.records)).toEqual(['a#0'])
    failing.clear()
    await ledger.update([record('a', 1)])
    expect((await memory.all()).map((r) => r.attempts)).toEqual([1])
  })

  it('does not bring back a record whose delete failed, and deletes it later', async () => {
    const { store, memory, failing } = flaky()
    const { ledger, loaded } = createLedger(store)
    await loaded
    await ledger.add([record('a')])
    failing.add('delete')
    await ledger.remove(['a'])
    await ledger.refresh()
    expect(held(ledger.records)).toEqual([])
    expect(await memory.all()).toHaveLength(1)
    failing.clear()
    await ledger.refresh()
    expect(await memory.all()).toEqual([])
  })

  it('takes in what other tabs did to the store', async () => {
    const store = createMemoryStore()
    const { ledger, loaded } = createLedger(store)
    await loaded
    await ledger.add([record('a'), record('b')])
    await store.delete(['a'])
    await store.put([record('b', 2), record('c')])
    await ledger.refresh()
    expect(held(ledger.records)).toEqual(['b#2', 'c#0'])
  })

  it('keeps what changed here while the store was being read', async () => {
    const memory = createMemoryStore()
    let release: () => void = () => {}
    const store: Store = {
      ...memory,
      all: async () => {
        const snapshot = await memory.all()
        await new Promise<void>((resolve) => {
          release = resolve
        })
        return snapshot
      },
    }
    await memory.put([record('old')])
    const { ledger, loaded } = createLedger(store)
    await new Promise((resolve) => setTimeout(resolve, 0))
    await ledger.add([record('new')])
    await ledger.remove(['old'])
    release()
    await loaded
    expect(held(ledger.records)).toEqual(['new#0'])
  })

  it('counts the records the store removed by itself, and forgets those it held', async () => {
    const drops: string[] = []
    const memory = createMemoryStore()
    let removed: { id: string; reason: string }[] = []
    const store: Store = {
      ...memory,
      takeRemoved: () => {
        const taken = removed
        removed = []
        return taken
      },
    }
    const { ledger, loaded } = createLedger(store, (e, reason) => drops.push(`${e.id}:${reason}`))
    await loaded
    await ledger.add([record('a'), record('b')])
    // A full disk made room for `c` by evicting `a`; a read found one corrupt record.
    await memory.delete(['a'])
    removed = [{ id: 'a', reason: 'quota' }]
    await ledger.add([record('c')])
    expect(held(ledger.records)).toEqual(['b#0', 'c#0'])
    expect(drops).toEqual(['a:quota'])
    removed = [{ id: 'garbage', reason: 'corrupt' }]
    await ledger.refresh()
    expect(ledger.dropped()).toBe(2)
    expect(await store.getMeta('dropped')).toBe(2)
    expect(drops).toEqual(['a:quota'])
  })

  it('deletes in one go what was acked while a delete was running', async () => {
    const memory = createMemoryStore()
    const deletes: string[][] = []
    let release: () => void = () => {}
    const store: Store = {
      ...memory,
      delete: async (ids) => {
        deletes.push([...ids])
        if (deletes.length === 1) await new Promise<void>((resolve) => (release = resolve))
        return memory.delete(ids)
      },
    }
    const { ledger, loaded } = createLedger(store)
    await loaded
    await ledger.add(['a', 'b', 'c', 'd'].map((id) => record(id)))
    const first = ledger.remove(['a'])
    const later = [ledger.remove(['b']), ledger.remove(['c']), ledger.remove(['d'])]
    release()
    await Promise.all([first, ...later])
    expect(deletes).toEqual([['a'], ['b', 'c', 'd']])
    expect(await memory.all()).toEqual([])
  })
})
