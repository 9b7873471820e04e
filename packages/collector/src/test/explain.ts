import type { Database, Queryable } from '../db/database'

// What a statement reads, from its plan as PostgreSQL ran it: a row count, not a time, so a test
// of it fails the same on a fast machine and a loaded one.

interface PlanNode {
  'Relation Name'?: string
  'Actual Rows'?: number
  'Actual Loops'?: number
  Plans?: PlanNode[]
}

/** The rows a plan read from `table`, over all its scans of it. */
export function rowsRead(node: PlanNode, table: string): number {
  const own =
    node['Relation Name'] === table ? (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1) : 0
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child, table), 0)
}

/** Runs `load` on a database that records its statements, then explains the last one run. */
export async function explainLast(db: Database, load: (db: Queryable) => Promise<unknown>) {
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
