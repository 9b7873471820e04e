/** Options for {@link createNetworkQuorum}. */
export interface NetworkQuorumOptions {
  /** The most items a scope may have: `fromOneNetwork` is no more than it. */
  max?: number
  /**
   * How many items of a scope are taken from whichever client network sends them, alone: the
   * first ones the scope has (`turn`'s `taken`), for good.
   */
  fromOneNetwork: number
  /** How many client networks must send an item before it is taken past those. */
  networks: number
  /** Most items waiting for networks remembered; the oldest is forgotten past it. */
  maxWaiting?: number
  /**
   * Most of those any one client network may have started (a hundredth of them by default):
   * past it the network's new items are refused without being remembered, so that one client
   * sending made-up ids cannot push the others' items out before their networks arrive.
   */
  maxWaitingPerNetwork?: number
}

/** An item's turn: taken, or refused with the tail of its reason. */
export type QuorumTurn = { taken: true; take(): void } | { taken: false; why: string }

/** Which new items outside a config (surveys, questions) are taken, by the networks sending them. */
export interface NetworkQuorum {
  /**
   * Whether a new item is taken: the first `fromOneNetwork` are, from whoever sends them; past
   * those, an item once `networks` client networks have sent it. A taken item is forgotten when
   * its `take` is called (once it is counted), a refused one keeps the networks that sent it.
   *
   * @param key the item, with whatever scopes it (project, survey).
   * @param network the client network sending it (see `clientNetwork`).
   * @param taken how many items of its scope are taken already.
   * @param what the items' name in a reason, plural ("surveys").
   */
  turn(key: string, network: string, taken: number, what: string): QuorumTurn
}

/**
 * Lets one client network start only a few new items outside a config, and any more once several
 * networks have sent each, as pages showing an item do within their first visitors: so that one
 * client sending made-up ids cannot use an allowance up and have every new item of the pages
 * refused. Which networks sent an item is kept in memory per replica, like the rate limits: an
 * item is refused until then, and a restart starts its count over.
 */
export function createNetworkQuorum(options: NetworkQuorumOptions): NetworkQuorum {
  const { networks } = options
  const fromOneNetwork = Math.min(options.fromOneNetwork, options.max ?? Number.POSITIVE_INFINITY)
  const maxWaiting = options.maxWaiting ?? 10_000
  const perNetwork = options.maxWaitingPerNetwork ?? Math.ceil(maxWaiting / 100)
  // Per item waiting for networks, the networks that have sent it, the first its starter.
  const waiting = new Map<string, Set<string>>()
  // Per client network, how many of the items waiting it started.
  const started = new Map<string, number>()
  const forget = (key: string) => {
    const [starter] = waiting.get(key) ?? []
    if (!waiting.delete(key) || starter === undefined) return
    const count = (started.get(starter) ?? 1) - 1
    if (count > 0) started.set(starter, count)
    else started.delete(starter)
  }
  return {
    turn(key, network, taken, what) {
      const sent = waiting.get(key) ?? new Set<string>()
      const fresh = !waiting.has(key)
      const full = fresh && taken >= fromOneNetwork && (started.get(network) ?? 0) >= perNetwork
      if (fresh && !full) {
        for (const oldest of waiting.keys()) {
          if (waiting.size < maxWaiting) break
          forget(oldest)
        }
        waiting.set(key, sent)
        started.set(network, (started.get(network) ?? 0) + 1)
      }
      if (sent.size < networks) sent.add(network)
      if (taken < fromOneNetwork || sent.size >= networks) {
        return { taken: true, take: () => forget(key) }
      }
      const has = `(${sent.size} ${sent.size === 1 ? 'has' : 'have'})`
      const why = `${fromOneNetwork} ${what} outside it that one client network could send: another is taken once ${networks} networks have sent it ${has}`
      return { taken: false, why }
    },
  }
}
