/** How many request bodies each client network may have in reading at once. */
export interface UploadSlots {
  /** Takes a place for `network`, or says there is none. */
  enter(network: string): boolean
  /** Gives back a place `enter` took, once the body is read (or not). */
  leave(network: string): void
}

/**
 * Places for bodies being read, `perNetwork` for each client network. A body is held in memory
 * until its end, and Node waits minutes for it: without a bound, one client dribbling many
 * bodies at once made the server hold as many megabytes. Only networks with a body in reading
 * are remembered.
 */
export function createUploadSlots(perNetwork: number): UploadSlots {
  const reading = new Map<string, number>()
  return {
    enter(network) {
      const count = reading.get(network) ?? 0
      if (count >= perNetwork) return false
      reading.set(network, count + 1)
      return true
    },
    leave(network) {
      const count = (reading.get(network) ?? 1) - 1
      if (count > 0) reading.set(network, count)
      else reading.delete(network)
    },
  }
}
