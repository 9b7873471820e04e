import type { Ledger } from './createLedger'

/**
 * The one sender's word to the other tabs on how long it may have records in flight: it takes no
 * leases, so their caps would otherwise evict what it is sending (see `othersSending`). Renewed
 * at half a lease, so that a long flush never outlives it, and cleared once the flush is over.
 */
export function sendingMark(ledger: Ledger, now: () => number, leaseMs: number) {
  let until = 0
  return {
    async renew() {
      const at = now()
      if (until - at > leaseMs / 2) return
      until = at + leaseMs
      await ledger.markSending(until)
    },
    async clear() {
      if (until > 0) await ledger.markSending(0)
    },
  }
}
