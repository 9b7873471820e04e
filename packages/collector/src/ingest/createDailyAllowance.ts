/** How much of what a client network claims of a project is taken, today. */
export interface DailyAllowance {
  /** The most each project and network is given a UTC day. */
  perDay: number
  /**
   * The part of `claimed` taken: what is left of the client network's allowance for the project
   * on the current UTC day, which it then uses up.
   */
  take(project: string, network: string, claimed: number): number
  /** The UTC day (YYYY-MM-DD) of the last `take`, to give back to. */
  readonly day: string
  /**
   * Gives back `amount` taken on `day` and not used after all (a batch refused, or not new): to
   * that day's allowance only, a day since over is left as it is.
   */
  giveBack(project: string, network: string, amount: number, day: string): void
}

/** Options for {@link createDailyAllowance}. */
export interface DailyAllowanceOptions {
  /** What one client network may have of a project a UTC day. */
  perDay: number
  /** Most (project, network) pairs remembered for a day. */
  maxEntries?: number
  /**
   * What becomes of networks not yet seen that day once it remembers its most: `refuse`, they
   * get nothing, so whoever holds many networks cannot start the day over (for what is only
   * said, not lost when refused); `forget`, the pair seen first is forgotten for them, which
   * refuses no one for the others' number (for what a real visitor would lose).
   */
  whenFull?: 'refuse' | 'forget'
  now?: () => number
}

/**
 * Bounds what a client network may claim of a project each UTC day: anything sent with the
 * public key, which anyone may send (a batch's `dropped` count, the responses it starts). Kept
 * in memory per replica, like the rate limiter: N replicas allow N times as much, and a restart
 * starts over.
 */
export function createDailyAllowance(options: DailyAllowanceOptions): DailyAllowance {
  const { perDay } = options
  const maxEntries = options.maxEntries ?? 50_000
  const forget = options.whenFull === 'forget'
  const now = options.now ?? Date.now
  let day = ''
  const used = new Map<string, number>()
  const usedOf = (id: string) => {
    const today = new Date(now()).toISOString().slice(0, 10)
    if (today !== day) {
      day = today
      used.clear()
    }
    const held = used.get(id)
    if (held !== undefined || used.size < maxEntries) return held ?? 0
    if (!forget) return perDay
    for (const oldest of used.keys()) {
      used.delete(oldest)
      break
    }
    return 0
  }
  return {
    perDay,
    get day() {
      return day
    },
    take(project, network, claimed) {
      const id = `${project}\n${network}`
      const before = usedOf(id)
      const counted = Math.max(0, Math.min(claimed, perDay - before))
      if (counted > 0) used.set(id, before + counted)
      return counted
    },
    giveBack(project, network, amount, takenOn) {
      const id = `${project}\n${network}`
      const held = used.get(id)
      if (held === undefined || amount <= 0 || takenOn !== day) return
      used.set(id, Math.max(0, held - amount))
    },
  }
}
