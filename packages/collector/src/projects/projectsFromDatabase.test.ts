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
})
