import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { idbConfigCache, noConfigCache } from './configCache'

describe('idbConfigCache', () => {
  it('keeps the last config per URL across openings', async () => {
    const entry = { config: { surveys: [] }, etag: '"abc"', fetchedAt: 5 }
    await idbConfigCache('config-test-1').write('https://c/v1/config?key=a', entry)
    const reopened = idbConfigCache('config-test-1')
    expect(await reopened.read('https://c/v1/config?key=a')).toEqual(entry)
    expect(await reopened.read('https://c/v1/config?key=b')).toBeNull()
  })

  it('writes nothing without consent', async () => {
    await noConfigCache.write('u', { config: {}, etag: null, fetchedAt: 1 })
    expect(await noConfigCache.read('u')).toBeNull()
  })
})
