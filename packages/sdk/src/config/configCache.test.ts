import 'fake-indexeddb/auto'
import { createStore, set } from 'idb-keyval'
import { describe, expect, it } from 'vitest'
import { SDK_VERSION } from '../version'
import { idbConfigCache } from './configCache'

describe('idbConfigCache', () => {
  it('keeps the last config per URL across openings', async () => {
    const entry = { config: { surveys: [] }, etag: '"abc"', fetchedAt: 5 }
    await idbConfigCache('config-test-1').write('https://c/v1/config?key=a', entry)
    const reopened = idbConfigCache('config-test-1')
    expect(await reopened.read('https://c/v1/config?key=a')).toEqual({ ...entry, sdk: SDK_VERSION })
    expect(await reopened.read('https://c/v1/config?key=b')).toBeNull()
  })

  // An upgrade's schemas may refuse what an older version let through (or read it otherwise):
  // what that version cached is not used unchecked.
  it.each([
    ['an older version', { sdk: '0.0.1' }],
    ['a version that recorded none', {}],
  ])('reads nothing that %s cached', async (_, version) => {
    const url = 'https://c/v1/config?key=old'
    const entry = { config: { surveys: [] }, etag: '"abc"', fetchedAt: 5, ...version }
    await set(url, entry, createStore('config-test-2', 'config'))
    expect(await idbConfigCache('config-test-2').read(url)).toBeNull()
  })

  // DESIGN: opt-out means no storage writes. A page that started with consent revalidates its
  // config in the background; after optOut() those revalidations wrote on.
  it('neither writes nor reads once consent is withdrawn, and again once given', async () => {
    const url = 'https://c/v1/config?key=c'
    const entry = { config: { surveys: [] }, etag: null, fetchedAt: 1 }
    let allowed = true
    const cache = idbConfigCache('config-test-3', () => allowed)
    await cache.write(url, entry)
    allowed = false
    expect(await cache.read(url)).toBeNull()
    await cache.write(url, { ...entry, fetchedAt: 2 })
    allowed = true
    expect(await cache.read(url)).toMatchObject({ fetchedAt: 1 })
  })
})
