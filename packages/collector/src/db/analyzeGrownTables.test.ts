import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { analyzeGrownTables } from './analyzeGrownTables'
import type { Database } from './database'

describe.each(backends)('analyzeGrownTables on $name', (backend) => {
  let db: Database
  beforeAll(async () => {
    db = await backend.open()
  }, 60_000)
  afterAll(() => db?.close())

  const grow = (rows: number) =>
    db.query(
      `insert into events (id, type, at, project, payload)
       select 'e' || i || '-' || $2, 'survey.shown', now(), 'p', '{}'
       from generate_series(1, $1::int) i`,
      [rows, Math.random()],
    )

  it('analyzes a table once it has grown, then not again until it doubles', async () => {
    await analyzeGrownTables(db)
    await grow(5_000)
    expect(await analyzeGrownTables(db)).toContain('events')
    expect(await analyzeGrownTables(db)).not.toContain('events')
    await grow(2_000)
    expect(await analyzeGrownTables(db)).not.toContain('events')
    await grow(10_000)
    expect(await analyzeGrownTables(db)).toContain('events')
  })
})
