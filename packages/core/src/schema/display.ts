import * as z from 'zod/mini'

export const positionSchema = z.literal([
  'bottom-right',
  'bottom-left',
  'top-right',
  'top-left',
  'center',
  'bottom',
])

/** Where and how a survey appears. `center` is a modal with an overlay; the rest are non-modal. */
export const displaySchema = z.strictObject({
  position: z.optional(positionSchema),
  dismissible: z.optional(z.boolean()),
})

export type Position = z.infer<typeof positionSchema>
export type Display = z.infer<typeof displaySchema>
