import { afterEach, expect, it } from 'vitest'
import { storeName } from '../delivery/storeName'
import { init } from '../init'
import type { Sonde } from './types'

// The visit is shared by the visitor's tabs through localStorage. A burst of track() calls (the
// stub's queue replayed, an analytics forwarder) writes it once, as its microtasks end: another
// tab (a same-origin frame here, on the same storage) must find every event counted in the very
// next task, as it did when each call wrote it.
const made: Sonde[] = []
afterEach(() => {
  for (const sonde of made.splice(0)) sonde.destroy()
  for (const frame of document.querySelectorAll('iframe')) frame.remove()
})

it('another tab sees the whole burst in the visit, in the task after it', async () => {
  const endpoint = `https://collect.test/${crypto.randomUUID()}/v1/batch`
  const sonde = init({ endpoint, locale: 'en', config: { surveys: [] } })
  made.push(sonde)
  await sonde.flush()
  const frame = document.createElement('iframe')
  document.body.append(frame)
  const other = frame.contentWindow?.localStorage as Storage
  const key = `${storeName(endpoint)}:session`
  const read = () => JSON.parse(other.getItem(key) ?? '{}').events ?? {}

  const seen = await new Promise<Record<string, number>>((resolve) => {
    for (let i = 0; i < 50; i++) sonde.track(`burst_${i % 5}`)
    setTimeout(() => resolve(read()))
  })
  expect(seen).toEqual({ burst_0: 10, burst_1: 10, burst_2: 10, burst_3: 10, burst_4: 10 })
})
