import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectsFromDatabase } from '../projects/projectsFromDatabase'
import { matchesSecret } from '../projects/secrets'
import { syncProjects } from '../projects/syncProjects'
import { backends } from '../test/backends'
import { testProjects } from '../test/fixtures'
import type { Database } from './database'
import { migrate, migrations } from './migrations'

describe.each(backends)('database on $name', (backend) => {
  let db: Database
  beforeAll(async () => {
    db = await backend.open()
  }, 60_000)
  afterAll(() => db?.close())

  it('records each migration once and applies nothing the second time', async () => {
    const rows = await db.query<{ version: number }>(
      'select version from sonde_migrations order by version',
    )
    expect(rows.map((row) => row.version)).toEqual(migrations.map((m) => m.version))
    expect(await migrate(db)).toEqual([])
    expect(await Promise.all([migrate(db), migrate(db)])).toEqual([[], []])
  })

  it('rolls a failed transaction back entirely', async () => {
    await db.exec('truncate events')
    const attempt = db.transaction(async (tx) => {
      await tx.query(
        `insert into events (id, type, at, project, payload) values ('e1', 't', now(), 'p', '{}')`,
      )
      await tx.query('select * from no_such_table')
    })
    await expect(attempt).rejects.toThrow()
    expect(await db.query('select id from events')).toEqual([])
  })

  it('stores projects with a hashed read key, updates them, and finds them by key', async () => {
    await syncProjects(db, testProjects)
    await syncProjects(db, [{ ...testProjects[0]!, origins: ['https://new.example.com'] }])
    const lookup = projectsFromDatabase(db, { cacheMs: 0 })
    const project = await lookup.find('pk_test')
    expect(project).toMatchObject({ key: 'pk_test', origins: ['https://new.example.com'] })
    expect(matchesSecret(testProjects[0]!.readKey, project!.readKeySha256)).toBe(true)
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from projects where read_key_sha256 like 'rk_%'`,
    )
    expect(row?.n).toBe(0)
    expect(await lookup.find('pk_nobody')).toBeNull()
    expect(await lookup.allowsOrigin('https://new.example.com')).toBe(true)
    expect(await lookup.allowsOrigin('https://old.example.com')).toBe(true) // pk_open: '*'
  })

  it('caches lookups for cacheMs, so a revocation shows within it', async () => {
    await syncProjects(db, testProjects)
    let now = 0
    const lookup = projectsFromDatabase(db, { cacheMs: 1_000, now: () => now })
    expect((await lookup.find('pk_test'))?.revoked).toBe(false)
    await db.query(`update projects set revoked = true where key = 'pk_test'`)
    expect((await lookup.find('pk_test'))?.revoked).toBe(false)
    now += 1_001
    expect((await lookup.find('pk_test'))?.revoked).toBe(true)
  })
})
