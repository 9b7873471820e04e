import { promisifyRequest } from 'idb-keyval'
import { openIdbStore } from '../runtime/openIdbStore'
import { RECORD_PREFIX } from './storedRecord'
import { withTimeout } from './withTimeout'

/**
 * Whether the outbox database `name` holds records an earlier page left. Counts keys only (no
 * record is read); a database that fails or hangs answers true, so the outbox starts and sees.
 */
export async function hasQueued(name: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    const store = openIdbStore(name, 'outbox')
    if (!store) return false
    // Every key that starts with the prefix sorts between it and 'e;' (';' follows ':').
    const range = IDBKeyRange.bound(RECORD_PREFIX, 'e;')
    // Left open: it closes when a delete of the database asks it to (openIdbStore).
    const count = store('readonly', (s) => promisifyRequest(s.count(range)))
    return (await withTimeout(count, timeoutMs)) > 0
  } catch {
    return true
  }
}
