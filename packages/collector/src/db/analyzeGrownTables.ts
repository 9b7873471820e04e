import type { Queryable } from './database'

/**
 * Analyzes the tables that have more than doubled on disk since they were last analyzed (or were
 * never analyzed and hold more than a few pages), and returns their names.
 *
 * PGlite runs no autovacuum, so without this its planner never has column statistics: it then
 * guesses a survey holds a few dozen responses and sorts a million of them to list the newest
 * verbatims, seconds instead of milliseconds. Once the statistics exist they stay good as a table
 * grows (the planner scales row counts by the table's current size), so one analysis per
 * doubling keeps them current at a cost that shrinks as the data grows.
 */
export async function analyzeGrownTables(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `select quote_ident(c.relname) as name from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'r' and n.nspname = current_schema()
       and pg_relation_size(c.oid) / current_setting('block_size')::int
         > greatest(8, 2 * c.relpages)`,
  )
  for (const row of rows) await db.exec(`analyze ${row.name}`)
  return rows.map((row) => row.name)
}
