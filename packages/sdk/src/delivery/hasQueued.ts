import { promisifyRequest } from 'idb-keyval'
import { localKeyValue } from '../context/keyValue'
import { openIdbStore } from '../runtime/openIdbStore'
import { RECORD_PREFIX } from './storedRecord'
import { UNSENT } from './unsentKey'
import { withTimeout } from './withTimeout'

/**
 * Whether the outbox database `name` holds records an earlier page left, or its copy in
 * localStorage those a page going could not be sure were stored (unsentCopy). Counts keys only (no
 * record is read); a database too slow to answer in time answers true, so the outbox starts and
 * sees (it gives an open database longer). One that fails (IndexedDB barred: a SecurityError in
 * some private modes, an UnknownError in a third-party iframe) answers false: the outbox could
 * read nothing there either, and a quiet page would load it at every visit for nothing.
 */
export async function hasQueued(name: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    if (localKeyValue(`${name}:`).get(UNSENT) !== null) return true
    const store = openIdbStore(name, 'outbox')
    if (!store) return false
    // Every key that starts with the prefix sorts between it and 'e;' (';' follows ':').
    const range = IDBKeyRange.bound(RECORD_PREFIX, 'e;')
    // Left open: it closes when a delete of the database asks it to (openIdbStore).
    const count = store('readonly', (s) => promisifyRequest(s.count(range)))
    return (await withTimeout(count, timeoutMs)) > 0
  } catch (error) {
    return (error as Error | null)?.name === 'TimeoutError'
  }
}
