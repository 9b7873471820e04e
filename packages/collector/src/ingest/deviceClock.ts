/**
 * How far a batch's `sentAt` may be from its receipt and still be taken as the device's clock
 * being right: the time the request took on the way, and a clock a little off. Beyond it, the
 * device's clock is off by the difference.
 */
export const CLOCK_TOLERANCE_MS = 60_000

/**
 * An event's time on the collector's clock. The SDK dates events and batches by the device's
 * clock, which may be hours or years off (set by hand, a dead battery, a wrong time zone taken
 * for the right local time): the batch's `sentAt` against its receipt says by how much, and that
 * is taken off each event's `at`. An event is never dated after its batch arrived: answered while
 * the clock was ahead and sent once it was put right, it would be in the future.
 */
export function onCollectorClock(at: string, sentAt: string, receivedAt: number): string {
  const error = Date.parse(sentAt) - receivedAt
  const time = Date.parse(at) - (Math.abs(error) > CLOCK_TOLERANCE_MS ? error : 0)
  return new Date(Math.max(0, Math.min(time, receivedAt))).toISOString()
}
