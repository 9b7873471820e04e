import * as z from 'zod/mini'
import { eventSchema } from './event'
import { intSchema } from './int'

/** The most events one batch may carry. */
export const MAX_BATCH_EVENTS = 50

const envelope = {
  schema: z.literal('sonde.batch/1'),
  batchId: z.string().check(z.minLength(1)),
  sentAt: z.iso.datetime({ offset: true }),
  key: z.optional(z.string()),
  sdk: z.object({ name: z.string(), version: z.string() }),
  dropped: z.optional(intSchema.check(z.gte(0))),
}
const eventCount = [z.minLength(1), z.maxLength(MAX_BATCH_EVENTS)] as const

/** The body of `POST {endpoint}`. */
export const batchSchema = z.object({
  ...envelope,
  events: z.array(eventSchema).check(...eventCount),
})

/**
 * A batch whose events are not checked yet: a receiver checks each on its own, so that one bad
 * event is refused by its id while the others are stored.
 */
export const batchEnvelopeSchema = z.object({
  ...envelope,
  events: z.array(z.unknown()).check(...eventCount),
})

/** The receiver's reply: which ids it stored (or already had), and which it refused and why. */
export const batchReplySchema = z.object({
  accepted: z.array(z.string()),
  rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
})

export type Batch = z.infer<typeof batchSchema>
export type BatchReply = z.infer<typeof batchReplySchema>
