import type { MetaName, OutboxRecord, Store } from './types'

/**
 * A Store held in memory: for tests, and for the SDK when IndexedDB is missing or failing (the
 * outbox then lasts as long as the page). Records are copied in and out, as a database would.
 */
export function createMemoryStore(): Store {
  const records = new Map<string, OutboxRecord>()
  const meta = new Map<MetaName, number>()
  return {
    async put(list) {
      for (const record of list) records.set(record.event.id, { ...record })
    },
    async delete(ids) {
      for (const id of ids) records.delete(id)
    },
    async all() {
      return [...records.values()].map((record) => ({ ...record }))
    },
    async getMeta(name) {
      return meta.get(name)
    },
    async setMeta(name, value) {
      meta.set(name, value)
    },
  }
}
