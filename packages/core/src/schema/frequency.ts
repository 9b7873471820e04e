import * as z from 'zod/mini'

const days = z.number().check(z.gte(0))
// Told which form: "expected a valid datetime" left "2026-11-01" or "2026-11-01 09:00" a guess.
const isoDate = z.iso.datetime({
  offset: true,
  error: 'expected a date, time and offset such as "2026-11-01T09:00:00Z"',
})

/** How often one survey or tour may be shown to the same person. */
export const frequencySchema = z.strictObject({
  once: z.optional(z.boolean()),
  recontactDays: z.optional(days),
  maxDisplays: z.optional(z.int().check(z.gte(1))),
  dismissCooldownDays: z.optional(days),
  ignoreGlobalCooldown: z.optional(z.boolean()),
})

/** Rules shared by every survey and tour of a project. */
export const settingsSchema = z.strictObject({
  cooldownDays: z.optional(days),
  maxPromptsPerSession: z.optional(z.int().check(z.gte(0))),
})

/** When an item is live: from `start` to `end`, both inclusive. */
export const scheduleSchema = z
  .strictObject({
    start: z.optional(isoDate),
    end: z.optional(isoDate),
  })
  .check(
    // Swapped dates or a mistyped year would keep the item off for good, without a word.
    z.superRefine(({ start, end }, ctx) => {
      if (start !== undefined && end !== undefined && Date.parse(end) < Date.parse(start)) {
        const message = `expected a time after start (${start})`
        ctx.addIssue({ code: 'custom', input: end, path: ['end'], message })
      }
    }),
  )

export type Frequency = z.infer<typeof frequencySchema>
export type Settings = z.infer<typeof settingsSchema>
export type Schedule = z.infer<typeof scheduleSchema>
