import { describe, expect, it } from 'vitest'
import { projectsFromDatabase } from '../projects/projectsFromDatabase'
import { backends } from '../test/backends'
import { readJson, testApp } from '../test/harness'
import { suiteDatabase } from '../test/suiteDatabase'

const readKey = 'rk_test_0123456789abcdef'

// The read key is the one secret of a project: anyone may try keys against the stats API, and
// whoever holds one (leaked in a screenshot, a former colleague) may ask for stats, each a query
// over the project's responses.
describe.each(backends)('the stats API under abuse on $name', (backend) => {
  const db = suiteDatabase(backend)

  function reader(options: Parameters<typeof testApp>[1]) {
    const app = testApp(db, { trustProxy: true, ...options })
    return async (key: string, ip = '198.51.100.1', path = '/v1/stats?key=pk_test') => {
      const res = await app.request(path, {
        headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': ip },
      })
      return { status: res.status, retryAfter: res.headers.get('retry-after'), res }
    }
  }

  it('slows guessing: a network that sent wrong read keys is answered 429 for a while', async () => {
    let now = 0
    const read = reader({
      limits: { readKeyGuessBurst: 3, readKeyGuessesPerHour: 60 },
      now: () => now,
    })
    const guesses = []
    for (const guess of ['rk_guess_0000000001', 'rk_guess_0000000002', 'rk_guess_0000000003']) {
      guesses.push((await read(guess)).status)
    }
    expect(guesses).toEqual([401, 401, 401])
    // Even the right key: a guess that hits must not be told apart from one that misses.
    const limited = await read(readKey)
    expect(limited.status).toBe(429)
    expect(limited.retryAfter).toBe('60')
    expect((await readJson(limited.res)).error).toMatch(/wrong keys/)
    // An unknown project key is a wrong guess too, and counts alike.
    expect((await read(readKey, '198.51.100.1', '/v1/stats?key=pk_nope')).status).toBe(429)
    // Another network is not held back, and right keys cost no guess.
    for (let i = 0; i < 5; i++) expect((await read(readKey, '198.51.100.2')).status).toBe(200)
    now += 60_000
    expect((await read(readKey)).status).toBe(200)
  })

  // The key is looked up in the database between the check and the count: guesses sent at once
  // all passed the check before the first was counted.
  it('counts guesses sent at once before it looks at them', async () => {
    const read = reader({ limits: { readKeyGuessBurst: 3 }, now: () => 0 })
    const guesses = Array.from({ length: 20 }, (_, i) => read(`rk_guess_${1e9 + i}`))
    const statuses = (await Promise.all(guesses)).map((reply) => reply.status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(3)
    expect(statuses.filter((status) => status === 429)).toHaveLength(17)
    // A request holds a guess while its key is looked up, and the right key gives it back: a
    // request out of guesses meanwhile waits for it, and takes it.
    const right = reader({ limits: { readKeyGuessBurst: 1 }, now: () => 0 })
    const both = await Promise.all([right(readKey), right('rk_guess_0000000001')])
    expect(both.map((reply) => reply.status)).toEqual([200, 401])
    expect((await right('rk_guess_0000000002')).status).toBe(429)
    expect((await right(readKey)).status).toBe(429)
  })

  // A lookup that fails (the database restarting) is no wrong guess: a team reloading the
  // dashboard through an outage was then refused for minutes once it was over.
  it('takes no guess for a lookup that fails', async () => {
    let down = true
    const projects = projectsFromDatabase(db, { cacheMs: 0 })
    const failing = {
      ...projects,
      find: (key: string) => (down ? Promise.reject(new Error('terminating')) : projects.find(key)),
    }
    const read = reader({ projects: failing, limits: { readKeyGuessBurst: 2 }, now: () => 0 })
    for (let i = 0; i < 5; i++) expect((await read(readKey)).status).toBe(503)
    down = false
    expect((await read(readKey)).status).toBe(200)
  })

  it('bounds the reads of one project, whichever networks they come from', async () => {
    let now = 0
    const read = reader({ limits: { readBurst: 3, readsPerSecond: 1 }, now: () => now })
    const statuses = []
    for (const ip of ['198.51.100.1', '198.51.100.2', '203.0.113.9', '2001:db8::1']) {
      statuses.push((await read(readKey, ip)).status)
    }
    expect(statuses).toEqual([200, 200, 200, 429])
    // Another project reads on.
    const open = await read('rk_open_0123456789abcdef', '198.51.100.1', '/v1/stats?key=pk_open')
    expect(open.status).toBe(200)
    now += 1_000
    expect((await read(readKey, '203.0.113.9')).status).toBe(200)
  })
})
