import { describe, expect, it } from 'vitest'
import { backends } from '../test/backends'
import { suiteDatabase } from '../test/suiteDatabase'
import { analyzeGrownTables } from './analyzeGrownTables'

describe.each(backends)('analyzeGrownTables on $name', (backend) => {
  const db = suiteDatabase(backend, 'never')

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
