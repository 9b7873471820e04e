import type { BrowserContext } from '@playwright/test'
import type { ChaosProxy, Weather } from './chaosProxy'
import type { TabSlot } from './chaosTabs'

/** A seeded generator (mulberry32): the same seed makes the same choices, for replaying a run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** The faults injected so far. */
export interface FaultFigures {
  offlinePeriods: number
  offlineMs: number
  storms5xx: number
  storms429: number
  lostAckSpells: number
  reloads: number
  kills: number
}

/** The network's state, shared by the weather and the tab drivers. */
export interface Network {
  offline: boolean
  /** Pages loading now: the network stays up meanwhile (a host page cannot load offline). */
  loading: number
}

const between = (random: () => number, low: number, high: number) =>
  low + Math.floor(random() * (high - low))

/** Draws from `cards` shuffled, reshuffled once used up: every kind comes round, in random order. */
function deck<T>(cards: readonly T[], random: () => number): () => T {
  let left: T[] = []
  return () => {
    if (left.length === 0) {
      left = [...cards]
      for (let i = left.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1))
        ;[left[i], left[j]] = [left[j] as T, left[i] as T]
      }
    }
    return left.pop() as T
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// Spells of bad weather, each 0.5–4 s, after 1–4 s of calm. Short enough that what piles up in
// the outbox meanwhile stays far below its 1,000-event cap (beyond which it evicts the oldest,
// by design, and reports them in `dropped`).
const SPELLS: readonly (Weather | 'offline')[] = ['offline', '5xx', '429', 'lost-ack']

/**
 * Runs the weather until `stop()`: calm, then a random spell (offline, a 5xx storm, a 429 storm
 * with Retry-After, lost acks), then calm again. Always ends online and calm.
 */
export async function runWeather(opts: {
  proxy: ChaosProxy
  context: BrowserContext
  network: Network
  random: () => number
  figures: FaultFigures
  stop: () => boolean
}): Promise<void> {
  const { proxy, context, network, random, figures } = opts
  const next = deck(SPELLS, random)
  while (!opts.stop()) {
    await sleep(between(random, 1_000, 4_000))
    if (opts.stop()) break
    const spell = next()
    const ms = between(random, 500, 4_000)
    if (spell === 'offline') {
      while (network.loading > 0) await sleep(20)
      figures.offlinePeriods++
      figures.offlineMs += ms
      network.offline = true
      await context.setOffline(true)
      await sleep(ms)
      await context.setOffline(false)
      network.offline = false
    } else {
      if (spell === '5xx') figures.storms5xx++
      if (spell === '429') figures.storms429++
      if (spell === 'lost-ack') figures.lostAckSpells++
      proxy.weather = spell
      await sleep(ms)
      proxy.weather = 'calm'
    }
  }
}

/**
 * Every 2–6 s until `stop()`, asks a random tab's driver to reload it or kill it (one kill in
 * three) after the answers it is giving.
 */
export async function runTabFaults(opts: {
  slots: TabSlot[]
  random: () => number
  stop: () => boolean
}): Promise<void> {
  const { slots, random } = opts
  const next = deck(['kill', 'reload', 'reload'] as const, random)
  while (!opts.stop()) {
    await sleep(between(random, 2_000, 6_000))
    const slot = slots[Math.floor(random() * slots.length)]
    if (slot && !slot.next && !opts.stop()) slot.next = next()
  }
}
