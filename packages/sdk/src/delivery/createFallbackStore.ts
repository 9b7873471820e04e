import { createMemoryStore, type Store } from '@sonde/core'

/**
 * A store that uses `primary` until it fails once (missing, hung, throwing, full beyond repair),
 * then memory for the rest of the page's life: an answer is never lost to a broken database,
 * and the host never sees the error.
 */
export function createFallbackStore(
  primary: Store | null,
  onFallback: (error: unknown) => void = () => {},
  memory: Store = createMemoryStore(),
): Store & { degraded(): boolean } {
  let active = primary ?? memory
  const call = async <T>(op: (store: Store) => Promise<T>): Promise<T> => {
    if (active !== memory) {
      try {
        return await op(active)
      } catch (error) {
        active = memory
        onFallback(error)
      }
    }
    return op(memory)
  }
  return {
    put: (records) => call((s) => s.put(records)),
    delete: (ids) => call((s) => s.delete(ids)),
    all: () => call((s) => s.all()),
    getMeta: (name) => call((s) => s.getMeta(name)),
    setMeta: (name, value) => call((s) => s.setMeta(name, value)),
    degraded: () => active === memory,
  }
}
