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
      let deleted = 0
      for (const id of ids) if (records.delete(id)) deleted++
      return deleted
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
    async addMeta(name, delta) {
      const value = Math.max(0, (meta.get(name) ?? 0) + delta)
      meta.set(name, value)
      return value
    },
  }
}
