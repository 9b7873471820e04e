import { afterAll, beforeAll, beforeEach } from 'vitest'
import type { Database, Queryable } from '../db/database'
import type { Backend } from './backends'
import { resetDatabase } from './harness'

/**
 * When the suite's database is emptied and given the test projects (`resetDatabase`): before
 * each test, once when it opens (the suite seeds it and then reads), or never (the tests reset
 * it themselves, or need no projects).
 */
export type Reset = 'each' | 'once' | 'never'

/**
 * A fresh database of `backend` for the suite this is called in: opened before its tests (60 s,
 * as initdb takes on a busy machine), closed after them (after the suite's own afterAll hooks,
 * which run in reverse order), and reset as `reset` says. The database it returns stands for
 * the one opened, from the suite's first hook on.
 */
export function suiteDatabase(backend: Backend, reset: Reset = 'each'): Database {
  let opened: Database | undefined
  beforeAll(async () => {
    opened = await backend.open()
    if (reset === 'once') await resetDatabase(opened)
  }, 60_000)
  afterAll(() => opened?.close())
  if (reset === 'each') beforeEach(() => resetDatabase(db))
  const current = (): Database => {
    if (!opened) throw new Error('the suite database opens in beforeAll')
    return opened
  }
  const db: Database = {
    get driver() {
      return current().driver
    },
    query: <Row>(sql: string, params?: readonly unknown[]) => current().query<Row>(sql, params),
    exec: (sql: string) => current().exec(sql),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => current().transaction(work),
    close: () => current().close(),
  }
  return db
}
