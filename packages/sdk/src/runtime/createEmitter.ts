type Handler<T> = (payload: T) => void

export interface Emitter<Events extends object> {
  on<K extends keyof Events>(type: K, handler: Handler<Events[K]>): () => void
  off<K extends keyof Events>(type: K, handler: Handler<Events[K]>): void
  emit<K extends keyof Events>(type: K, payload: Events[K]): void
  clear(): void
}

/**
 * A small typed event emitter. A listener that throws is reported through `onError` and the
 * others still run: one broken host handler must not stop analytics or the UI.
 */
export function createEmitter<Events extends object>(
  onError: (type: keyof Events, error: unknown) => void,
): Emitter<Events> {
  const handlers = new Map<keyof Events, Set<Handler<never>>>()
  const off: Emitter<Events>['off'] = (type, handler) => {
    handlers.get(type)?.delete(handler as Handler<never>)
  }
  return {
    on(type, handler) {
      if (typeof handler !== 'function') return () => {}
      let set = handlers.get(type)
      if (!set) {
        set = new Set()
        handlers.set(type, set)
      }
      set.add(handler as Handler<never>)
      return () => off(type, handler)
    },
    off,
    emit(type, payload) {
      // A copy: a handler that removes itself (a `once` pattern) must not skip its neighbour.
      // One removed meanwhile (off, or destroy's clear) is not called, as with addEventListener.
      for (const handler of [...(handlers.get(type) ?? [])]) {
        if (!handlers.get(type)?.has(handler)) continue
        try {
          ;(handler as Handler<Events[typeof type]>)(payload)
        } catch (error) {
          onError(type, error)
        }
      }
    },
    clear: () => handlers.clear(),
  }
}
