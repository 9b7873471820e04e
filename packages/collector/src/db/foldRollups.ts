import type { Database, Queryable } from './database'

/** How often, at most, the collector folds while it ingests. */
const foldEveryMs = 2_000

/**
 * Folds the changes logged since the last fold into the rollups (see the rollup migration).
 * With `wait`, waits for a fold already running and folds after it; without, gives up at once
 * and returns `false`.
 */
export async function foldRollups(db: Queryable, wait = true): Promise<boolean> {
  const [row] = await db.query<{ folded: number | string }>(
    'select sonde_fold_rollups($1) as folded',
    [wait],
  )
  return Number(row?.folded) >= 0
}

/** When the collector folds: in the background while it ingests, and before it reads. */
export interface RollupFolder {
  /** After a write: folds in the background, at most every few seconds, never waiting. */
  afterWrite(): void
  /** Before reading the rollups: folds everything written so far, so the stats are exact. */
  beforeRead(): Promise<void>
}

/**
 * Folding in the background bounds the log to a few seconds of traffic, so the fold before a
 * read is short; folding once per batch instead would touch each rollup row once per batch.
 */
export function createRollupFolder(
  db: Database,
  log: (message: string) => void,
  now: () => number = Date.now,
): RollupFolder {
  // In a transaction, which no query timeout cuts: folding a bulk load or an erasure may take a
  // while, and a fold cut short would be tried again, and cut again, while writes wait on it.
  const fold = (wait: boolean) => db.transaction((tx) => foldRollups(tx, wait))
  let last = Number.NEGATIVE_INFINITY
  let running = false
  const report = (error: unknown) =>
    log(`[sonde-collector] folding the rollups failed: ${String(error)}`)
  return {
    afterWrite() {
      if (running || now() - last < foldEveryMs) return
      last = now()
      running = true
      fold(false)
        .catch(report)
        .finally(() => {
          running = false
        })
    },
    // A read replica cannot fold: it then reads what the primary folded, seconds behind.
    beforeRead: () => fold(true).then(() => undefined, report),
  }
}
