import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { projectsFromDatabase } from '../projects/projectsFromDatabase'
import { matchesSecret } from '../projects/secrets'
import { syncProjects } from '../projects/syncProjects'
import { backends } from '../test/backends'
import { testProjects } from '../test/fixtures'
import { suiteDatabase } from '../test/suiteDatabase'
import { migrate, migrations } from './migrations'

describe.each(backends)('database on $name', (backend) => {
  const db = suiteDatabase(backend, 'never')

  it('records each migration once and applies nothing the second time', async () => {
    const rows = await db.query<{ version: number }>(
      'select version from sonde_migrations order by version',
    )
    expect(rows.map((row) => row.version)).toEqual(migrations.map((m) => m.version))
    expect(await migrate(db)).toEqual([])
    expect(await Promise.all([migrate(db), migrate(db)])).toEqual([[], []])
  })

  // Built at version 2 in a schema of its own, in one transaction that leaves nothing behind.
  it('keeps every event when migration 3 keys events by project and id', async () => {
    const schema = `before_3_${randomBytes(4).toString('hex')}`
    const rows = await db.transaction(async (tx) => {
      await tx.exec(`create schema ${schema}; set local search_path to ${schema}`)
      for (const migration of migrations.filter((m) => m.version < 3)) await tx.exec(migration.sql)
      const insert = `insert into events (id, type, at, project, payload)
        values ('e1', 't', now(), $1, '{}'), ('e2', 't', now(), $1, '{}')`
      await tx.query(insert, ['p1'])
      await tx.exec(migrations.find((m) => m.version === 3)!.sql)
      // The id p1 used, again for p2 (stored) and for p1 (already there).
      await tx.query(`${insert} on conflict (project, id) do nothing`, ['p2'])
      await tx.query(`${insert} on conflict (project, id) do nothing`, ['p1'])
      const stored = await tx.query('select project, id from events order by project, id')
      await tx.exec(`drop schema ${schema} cascade`)
      return stored
    })
    expect(rows).toEqual([
      { project: 'p1', id: 'e1' },
      { project: 'p1', id: 'e2' },
      { project: 'p2', id: 'e1' },
      { project: 'p2', id: 'e2' },
    ])
  })

  it('recounts the status rollup by day of answering when migration 5 runs', async () => {
    const schema = `before_5_${randomBytes(4).toString('hex')}`
    const rows = await db.transaction(async (tx) => {
      await tx.exec(`create schema ${schema}; set local search_path to ${schema}`)
      for (const migration of migrations.filter((m) => m.version < 5)) await tx.exec(migration.sql)
      const insert = `insert into responses (project, response_id, survey_id, status, seq,
          event_id, last_at, answered_at) values ('p', $1, 's', 'dismissed', 2, 'e', $2, $3)`
      // One folded before the migration, one still in the log when it runs, one after it.
      await tx.query(insert, ['r1', '2026-11-21T00:01:00Z', '2026-11-20T23:59:00Z'])
      await tx.query('select sonde_fold_rollups(true)')
      await tx.query(insert, ['r2', '2026-11-21T00:01:00Z', '2026-11-20T23:58:00Z'])
      await tx.exec(migrations.find((m) => m.version === 5)!.sql)
      await tx.query(insert, ['r3', '2026-11-22T00:01:00Z', null])
      await tx.query(insert, ['r4', '2026-11-22T00:01:00Z', '2026-11-21T23:59:00Z'])
      await tx.query('select sonde_fold_rollups(true)')
      const counted = await tx.query(
        `select to_char(day, 'YYYY-MM-DD') as day, answered, n::int from status_rollup
         order by day, answered`,
      )
      await tx.exec(`drop schema ${schema} cascade`)
      return counted
    })
    expect(rows).toEqual([
      { day: '2026-11-20', answered: true, n: 2 },
      { day: '2026-11-21', answered: true, n: 1 },
      { day: '2026-11-22', answered: false, n: 1 },
    ])
  })

  it("totals each survey's rollup when migration 7 runs, then keeps the totals", async () => {
    const schema = `before_7_${randomBytes(4).toString('hex')}`
    const rows = await db.transaction(async (tx) => {
      await tx.exec(`create schema ${schema}; set local search_path to ${schema}`)
      for (const migration of migrations.filter((m) => m.version < 7)) await tx.exec(migration.sql)
      const insert = `insert into responses (project, response_id, survey_id, status, seq,
          event_id, last_at, answered_at) values ('p', $1, $2, 'completed', 2, 'e', $3, $4)`
      // One folded before the migration, one still in the log when it runs, two after it.
      await tx.query(insert, ['r1', 's', '2026-11-20T10:01:00Z', '2026-11-20T10:00:00Z'])
      await tx.query('select sonde_fold_rollups(true)')
      await tx.query(insert, ['r2', 's', '2026-11-21T10:00:00Z', null])
      await tx.exec(migrations.find((m) => m.version === 7)!.sql)
      await tx.query(insert, ['r3', 's', '2026-11-19T10:00:00Z', '2026-11-19T09:00:00Z'])
      await tx.query(insert, ['r4', 't', '2026-11-22T10:00:00Z', null])
      await tx.query('select sonde_fold_rollups(true)')
      const totals = await tx.query(
        `select survey_id, responses::int, answered::int, to_char(last_at at time zone 'UTC',
           'YYYY-MM-DD HH24:MI') as last_at from survey_totals order by survey_id`,
      )
      await tx.exec(`drop schema ${schema} cascade`)
      return totals
    })
    expect(rows).toEqual([
      { survey_id: 's', responses: 3, answered: 2, last_at: '2026-11-21 10:00' },
      { survey_id: 't', responses: 1, answered: 0, last_at: '2026-11-22 10:00' },
    ])
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
