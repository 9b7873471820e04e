import * as z from 'zod/mini'
import { eventSchema } from './event'

/** The most events one batch may carry. */
export const MAX_BATCH_EVENTS = 50

/** The body of `POST {endpoint}`. */
export const batchSchema = z.object({
  schema: z.literal('sonde.batch/1'),
  batchId: z.string().check(z.minLength(1)),
  sentAt: z.iso.datetime({ offset: true }),
  key: z.optional(z.string()),
  sdk: z.object({ name: z.string(), version: z.string() }),
  dropped: z.optional(z.int().check(z.gte(0))),
  events: z.array(eventSchema).check(z.minLength(1), z.maxLength(MAX_BATCH_EVENTS)),
})

/** The receiver's reply: which ids it stored (or already had), and which it refused and why. */
export const batchReplySchema = z.object({
  accepted: z.array(z.string()),
  rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
})

export type Batch = z.infer<typeof batchSchema>
export type BatchReply = z.infer<typeof batchReplySchema>
