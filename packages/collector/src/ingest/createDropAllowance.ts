/** How much of a batch's `dropped` count is taken. */
export interface DropAllowance {
  /**
   * The part of `claimed` counted: what is left of the client network's allowance for the
   * project on the current UTC day, which it then uses up.
   */
  take(project: string, network: string, claimed: number): number
}

/** Options for {@link createDropAllowance}. */
export interface DropAllowanceOptions {
  /** Dropped events one client network may report per project and UTC day. */
  perDay: number
  /**
   * Most (project, network) pairs remembered for a day; past it, networks not yet seen that day
   * count nothing, so whoever holds many networks cannot start the day over.
   */
  maxEntries?: number
  now?: () => number
}

/**
 * Bounds the `dropped` counts a client network may report. A batch's count is the device's
 * word, sent with the public key, so anyone could make a project's dashboard report any number
 * of events lost; a real device loses a few (the SDK sends survey and tour events only, and its
 * outbox holds 1,000), so each network gets `perDay` a project and day. Kept in memory per
 * replica, like the rate limiter: N replicas allow N times as much, and a restart starts over.
 */
export function createDropAllowance(options: DropAllowanceOptions): DropAllowance {
  const { perDay } = options
  const maxEntries = options.maxEntries ?? 50_000
  const now = options.now ?? Date.now
  let day = ''
  const used = new Map<string, number>()
  return {
    take(project, network, claimed) {
      const today = new Date(now()).toISOString().slice(0, 10)
      if (today !== day) {
        day = today
        used.clear()
      }
      const id = `${project}\n${network}`
      const before = used.get(id) ?? (used.size < maxEntries ? 0 : perDay)
      const counted = Math.max(0, Math.min(claimed, perDay - before))
      if (counted > 0) used.set(id, before + counted)
      return counted
    },
  }
}
