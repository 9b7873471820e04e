import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import type { Queryable } from '../db/database'
import { projectsFromDatabase } from './projectsFromDatabase'

// A full collection on demand, so the heap measured is what the lookup still holds.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

// Knows no project, and counts the lookups without holding on to what they asked for.
function fakeDatabase(queries: { n: number }): Queryable {
  return {
    query: async <Row>() => {
      queries.n++
      return [] as Row[]
    },
    exec: async () => undefined,
  }
}

describe('projectsFromDatabase', () => {
  // A batch names its key in its body, which may be a megabyte: each unknown key was kept for
  // the 10,000 lookups the cache holds, so a few thousand posts could hold gigabytes.
  it('neither asks for nor remembers a key that no project can have', async () => {
    const queries = { n: 0 }
    const projects = projectsFromDatabase(fakeDatabase(queries))
    gc()
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < 2_000; i++) {
      expect(await projects.find(`pk_${i}_${'k'.repeat(20_000)}`)).toBeNull()
    }
    expect(await projects.find('pk_\u0000')).toBeNull()
    gc()
    expect((process.memoryUsage().heapUsed - before) / 1e6).toBeLessThan(5)
    expect(queries.n).toBe(0)
    await projects.find('pk_test')
    expect(queries.n).toBe(1)
  })

  // A preflight or a refused batch looks its Origin header up, which a client writes as it
  // pleases, up to the 16 KB Node lets a request's headers take: each distinct one was kept for
  // the 10,000 lookups the cache holds (160 MB), with a query each, and no rate limit before.
  it('neither asks for nor remembers an Origin longer than any origin a browser sends', async () => {
    const queries = { n: 0 }
    const projects = projectsFromDatabase(fakeDatabase(queries))
    gc()
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < 2_000; i++) {
      // Flat, as a request's header is: a string built by repeat shares its parts.
      const host = Buffer.from(`${String(i).padStart(60, 'a')}.`.repeat(250)).toString()
      expect(await projects.allowsOrigin(`https://${host}example.com`)).toBe(false)
    }
    gc()
    expect((process.memoryUsage().heapUsed - before) / 1e6).toBeLessThan(5)
    expect(queries.n).toBe(0)
    // The longest a DNS name can be, and so a browser's origin.
    await projects.allowsOrigin(`https://${`${'a'.repeat(62)}.`.repeat(3)}${'b'.repeat(61)}:65535`)
    expect(queries.n).toBe(1)
  })
})
