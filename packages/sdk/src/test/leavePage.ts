import type { StatePersistence } from '../runtime/persistState'
import type { Sonde } from '../runtime/types'

type Stored = Awaited<ReturnType<StatePersistence['load']>>

/**
 * What the next page of the site finds once this one is replaced: `sonde` gone (its last writes
 * settled) and the stored state put back as `stored`, as it was when the page went, so that what
 * the teardown or a later write stored is not what the next page sees.
 */
export async function leavePage(sonde: Sonde, state: StatePersistence, stored: Stored) {
  sonde.destroy()
  await new Promise((r) => setTimeout(r, 100))
  state.save(stored)
  await new Promise((r) => setTimeout(r, 100))
}
