/** The channel the tabs of one endpoint + key wake each other's sender on. */
export function channelName(endpoint: string, key: string | undefined): string {
  return `sonde:${endpoint}:${key ?? ''}`
}

/** A BroadcastChannel, or null where there is none (old Safari, some sandboxed frames). */
export function openChannel(name: string): BroadcastChannel | null {
  try {
    return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name)
  } catch {
    return null
  }
}
