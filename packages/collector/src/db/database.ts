/** Something that runs SQL: the database itself, or one transaction on it. */
export interface Queryable {
  /**
   * Runs one statement with `$1…` parameters and returns its rows. Pass JSON as a string cast
   * with `::jsonb` and times as ISO strings cast with `::timestamptz`: both drivers then send the
   * same text, so one SQL dialect behaves the same on PGlite and on PostgreSQL.
   */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

/** The collector's storage: PGlite (embedded) or a PostgreSQL server, one SQL dialect. */
export interface Database extends Queryable {
  readonly driver: 'pglite' | 'postgres'
  /**
   * Each statement is atomic on its own, and is run again after a deadlock or a serialization
   * failure, like a transaction.
   */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>
  /**
   * Runs `work` in a transaction: committed when it resolves, rolled back when it throws.
   * Retried from the start on a deadlock or serialization failure, so `work` must not have
   * side effects outside the database.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}
