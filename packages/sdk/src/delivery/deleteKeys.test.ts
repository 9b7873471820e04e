import 'fake-indexeddb/auto'
import { createStore, entries, setMany, type UseStore } from 'idb-keyval'
import { describe, expect, it } from 'vitest'
import { deleteKeys } from './deleteKeys'

let n = 0
const open = () => createStore(`delete-keys-${++n}`, 'outbox')
const keys = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `e:${String(from + i).padStart(4, '0')}`)
const fill = (store: UseStore, list: string[]) =>
  setMany(
    list.map((key) => [key, { key }]),
    store,
  )
const left = async (store: UseStore) => (await entries(store)).map(([key]) => key)

// Counts the requests each delete makes: the point of deleting by range.
async function deleting(store: UseStore, list: readonly string[]) {
  let requests = 0
  await store('readwrite', (objectStore) => {
    const original = objectStore.delete.bind(objectStore)
    objectStore.delete = (query) => {
      requests += 1
      return original(query)
    }
    return deleteKeys(objectStore, list)
  })
  return requests
}

describe('deleteKeys', () => {
  it('deletes a run of neighbouring keys with one request', async () => {
    const store = open()
    await fill(store, keys(1, 200))
    expect(await deleting(store, keys(1, 150).reverse())).toBe(1)
    expect(await left(store)).toEqual(keys(151, 200))
  })

  it('leaves alone every key between those deleted that was not asked for', async () => {
    const store = open()
    await fill(store, keys(1, 20))
    // 5 and 12..13 stay: a record another tab wrote among the acked ones, for instance.
    const asked = [...keys(1, 4), ...keys(6, 11), ...keys(14, 20)]
    expect(await deleting(store, asked)).toBe(3)
    expect(await left(store)).toEqual(['e:0005', 'e:0012', 'e:0013'])
  })

  it('ignores unknown keys, and keys of other kinds beside the records', async () => {
    const store = open()
    await fill(store, [...keys(1, 3), 'm:dropped', 'e:0002x'])
    await deleting(store, ['e:0001', 'e:0002', 'e:0003', 'e:9999', 'e:0000'])
    expect(await left(store)).toEqual(['e:0002x', 'm:dropped'])
  })

  it('does nothing for no keys', async () => {
    const store = open()
    await fill(store, keys(1, 3))
    expect(await deleting(store, [])).toBe(0)
    expect(await left(store)).toEqual(keys(1, 3))
  })

  it.each([
    ['all of them there', keys(1, 5), keys(1, 5)],
    ['some gone already', [...keys(1, 3), 'e:0007', 'e:0008'], keys(1, 3)],
    ['none there', ['e:0009'], []],
    ['none asked for', [], []],
  ])('resolves to the keys it found: %s', async (_, asked, found) => {
    const store = open()
    await fill(store, keys(1, 5))
    expect(await store('readwrite', (objectStore) => deleteKeys(objectStore, asked))).toEqual(found)
  })

  it('does not delete a key another connection wrote among those asked for', async () => {
    const name = `delete-keys-${++n}`
    const ours = createStore(name, 'outbox')
    await fill(ours, [...keys(1, 3), ...keys(5, 6)])
    // Another tab's event, queued between ours after this tab last read the store.
    await fill(createStore(name, 'outbox'), ['e:0004'])
    expect(await deleting(ours, [...keys(1, 3), ...keys(5, 6)])).toBe(2)
    expect(await left(ours)).toEqual(['e:0004'])
  })
})
