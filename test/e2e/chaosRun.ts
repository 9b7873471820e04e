import type { BrowserContext } from '@playwright/test'
import {
  type FaultFigures,
  type Network,
  runTabFaults,
  runWeather,
  seededRandom,
} from './chaosFaults'
import type { ChaosProxy } from './chaosProxy'
import {
  answer,
  flush,
  killTab,
  openTab,
  reloadTab,
  settled,
  type TabSlot,
  troubles,
} from './chaosTabs'
import { outboxIds } from './outbox'

export interface ChaosOptions {
  context: BrowserContext
  proxy: ChaosProxy
  responses: number
  tabs: number
  seed: number
  /** How long the final flush may take to empty the outbox. */
  drainTimeoutMs: number
}

export interface ChaosResult {
  /** Every response answered, by id, with the stars clicked. */
  answered: Map<string, number>
  perTab: number[]
  faults: FaultFigures
  /** The most events the shared outbox held at once (sampled). */
  maxBacklog: number
  /** `delivery:dropped` reasons and `delivery:degraded` counts of the tabs open at the end. */
  dropped: string[]
  degraded: number
  answeringMs: number
  drainMs: number
}

// Answering pauses while the outbox holds more than this: its cap is 1,000 events, beyond which
// it evicts the oldest by design, which is not what this run checks.
const HIGH_WATER = 600
// Answers per turn of a tab: a few, so that turns change hands often without a round trip each.
const RUN = 5
const PROGRESS_EVERY = 1_000
const everyFaultStruck = (f: FaultFigures) =>
  [f.offlinePeriods, f.storms5xx, f.storms429, f.lostAckSpells, f.reloads, f.kills].every(
    (n) => n > 0,
  )
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * `tabs` tabs answer surveys until `responses` are answered, while the weather (offline, 5xx and
 * 429 storms, lost acks) and the tab faults (reloads, kills) strike at random; then the tabs flush
 * until their shared outbox is empty. The seed drives every random choice.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const { context, proxy, responses } = options
  // One stream per part, so that a part's choices do not depend on how busy the others were.
  const stars = seededRandom(options.seed)
  const pauses = seededRandom(options.seed + 1)
  const network: Network = { offline: false, loading: 0 }
  const faults: FaultFigures = {
    offlinePeriods: 0,
    offlineMs: 0,
    storms5xx: 0,
    storms429: 0,
    lostAckSpells: 0,
    reloads: 0,
    kills: 0,
  }
  const slots: TabSlot[] = []
  for (let index = 0; index < options.tabs; index++) {
    slots.push({ index, page: await openTab(context, proxy.origin), next: null, answered: 0 })
  }
  const answered = new Map<string, number>()
  let reserved = 0
  let backlog = 0
  let maxBacklog = 0
  let answering = true
  const started = Date.now()

  // A long run says how far it got now and then, so that a slow one can be told from a stuck one.
  let nextReport = PROGRESS_EVERY
  const record = (slot: TabSlot, ids: string[], clicked: number[]) => {
    for (const [i, id] of ids.entries()) answered.set(id, clicked[i] ?? 0)
    slot.answered += ids.length
    if (answered.size < nextReport || responses < 2 * PROGRESS_EVERY) return
    nextReport += PROGRESS_EVERY
    const seconds = ((Date.now() - started) / 1000).toFixed(0)
    console.log(`[chaos] ${answered.size} answered in ${seconds} s, outbox backlog ${backlog}`)
  }
  const pickStars = (n: number) => Array.from({ length: n }, () => 1 + Math.floor(stars() * 5))
  // The tabs answer in turns: Sonde shows one prompt at a time across tabs anyway (its screen
  // lock), and turns spare each tab from waiting on a show() that another tab's prompt skipped.
  // Delivery is not turned: every tab's outbox timers, wakes and unload path run all along.
  let turns: Promise<unknown> = Promise.resolve()
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const mine = turns.then(work)
    turns = mine.catch(() => undefined)
    return mine
  }
  // Before a tab goes away: everything it sent is stored, and a prompt whose show() came back
  // late is answered, since a response shown and never answered would be a row not counted.
  const settle = async (slot: TabSlot) => {
    if (!(await settled(slot.page)).open) return
    const clicked = pickStars(1)
    record(slot, await answer(slot.page, clicked), clicked)
    await settled(slot.page)
  }
  const act = async (slot: TabSlot) => {
    const what = slot.next
    slot.next = null
    await settle(slot)
    // A page cannot load offline: the reload or the new tab waits for the network, which then
    // stays up until the page is loaded.
    while (network.offline) await sleep(50)
    network.loading++
    try {
      if (what === 'kill') await killTab(slot, context, proxy.origin)
      else await reloadTab(slot, proxy.origin)
    } finally {
      network.loading--
    }
    faults[what === 'kill' ? 'kills' : 'reloads']++
  }
  const drive = async (slot: TabSlot) => {
    while (reserved < responses) {
      if (slot.next) {
        await act(slot)
        continue
      }
      // A short run on a fast machine could end before some kind of fault came round: the
      // second half of the answers waits until each has struck once (reloads and kills
      // included, which this loop carries out meanwhile).
      const waiting = reserved >= responses / 2 && !everyFaultStruck(faults)
      if (backlog > HIGH_WATER || waiting) {
        await sleep(100)
        continue
      }
      const clicked = pickStars(Math.min(RUN, responses - reserved))
      reserved += clicked.length
      const ids = await inTurn(() => answer(slot.page, clicked))
      record(slot, ids, clicked)
      reserved -= clicked.length - ids.length
      if (ids.length < clicked.length) await sleep(5 + Math.floor(pauses() * 30))
    }
    await sleep(600)
    await settle(slot)
  }
  const watchBacklog = async () => {
    while (answering) {
      for (const slot of slots) {
        const ids = await outboxIds(slot.page).catch(() => null)
        if (ids === null) continue
        backlog = ids.length
        maxBacklog = Math.max(maxBacklog, backlog)
        break
      }
      await sleep(250)
    }
  }

  const stop = () => !answering
  const background = Promise.all([
    runWeather({
      proxy,
      context,
      network,
      random: seededRandom(options.seed + 2),
      figures: faults,
      stop,
    }),
    runTabFaults({ slots, random: seededRandom(options.seed + 3), stop }),
    watchBacklog(),
  ])
  try {
    await Promise.all(slots.map(drive))
  } finally {
    answering = false
    await background
  }
  const answeringMs = Date.now() - started

  // What is still waiting out a backoff goes now: flush() is the documented way to send it.
  const drained = Date.now()
  for (;;) {
    const pending = await Promise.all(slots.map(async (slot) => (await flush(slot.page)).pending))
    if (pending.every((n) => n === 0)) break
    if (Date.now() - drained > options.drainTimeoutMs) {
      throw new Error(`the outbox still holds ${pending.join('/')} events after the drain`)
    }
    await sleep(250)
  }
  const reported = await Promise.all(slots.map((slot) => troubles(slot.page)))
  return {
    answered,
    perTab: slots.map((slot) => slot.answered),
    faults,
    maxBacklog,
    dropped: reported.flatMap((r) => r.dropped),
    degraded: reported.reduce((sum, r) => sum + r.degraded, 0),
    answeringMs,
    drainMs: Date.now() - drained,
  }
}
