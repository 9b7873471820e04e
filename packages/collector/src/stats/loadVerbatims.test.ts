import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, Queryable } from '../db/database'
import { backends } from '../test/backends'
import { bulkLoadResponses } from '../test/bulkLoad'
import { resetDatabase } from '../test/harness'
import { loadVerbatims } from './loadVerbatims'

interface PlanNode {
  'Relation Name'?: string
  'Actual Rows'?: number
  'Actual Loops'?: number
  Plans?: PlanNode[]
}

/** The rows a plan read from `table`, over all its scans of it. */
function rowsRead(node: PlanNode, table: string): number {
  const own =
    node['Relation Name'] === table ? (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1) : 0
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child, table), 0)
}

/** Runs `load` on a database that records its statements, then explains the last one run. */
async function explainLast(db: Database, load: (db: Queryable) => Promise<unknown>) {
  const sent: Array<{ sql: string; params: readonly unknown[] }> = []
  await load({
    query: (sql, params = []) => {
      sent.push({ sql, params })
      return db.query(sql, params)
    },
    exec: (sql) => db.exec(sql),
  })
  const last = sent.at(-1)
  if (!last) throw new Error('no statement was run')
  const [row] = await db.query<Record<string, unknown>>(
    `explain (analyze, format json) ${last.sql}`,
    last.params,
  )
  const raw = Object.values(row ?? {})[0]
  const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>
  if (!plan) throw new Error('no plan')
  return plan.Plan
}

// A survey shown in an app is mostly ignored: a year in, its answered responses are outnumbered by
// prompts never answered, which have no time of answering. The verbatims are the newest answered
// ones, read through the index on the time of answering.
describe.each(backends)('the verbatims of a survey mostly unanswered, on $name', (backend) => {
  let db: Database
  beforeAll(async () => {
    db = await backend.open()
    await resetDatabase(db)
    await bulkLoadResponses(db, 'pk_test', 'nps-q4', 600, 20_000)
    await db.exec('analyze responses')
  }, 60_000)
  afterAll(() => db?.close())

  it('reads as many responses as it shows, not every prompt never answered', async () => {
    const scope = { project: 'pk_test', surveyId: 'nps-q4' }
    const verbatims = await loadVerbatims(db, scope, { limit: 20 })
    expect(verbatims).toHaveLength(20)
    const times = verbatims.map((verbatim) => verbatim.at)
    expect(times).toEqual([...times].sort().reverse())
    // One response in three has a "why?": about 60 read for 20 verbatims, however many never
    // answered (before, all 20,000 of them were read first, as an index lists nulls last).
    const plan = await explainLast(db, (recorded) => loadVerbatims(recorded, scope, { limit: 20 }))
    expect(rowsRead(plan, 'responses')).toBeLessThan(200)
  })
})
