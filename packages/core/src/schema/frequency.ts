import * as z from 'zod/mini'
import { intSchema } from './int'
import { refine } from './refine'

const days = z.number().check(z.gte(0))
// Told which form: "expected a valid datetime" left "2026-11-01" or "2026-11-01 09:00" a guess.
// zod's own pattern for z.iso.datetime({ offset: true }), written out (frequency.test.ts holds it
// to zod's): a string with this check is what that schema is, without the classes and the code
// that builds the pattern, 253 B of the validator chunk's brotli size. The published schemas say
// "format": "date-time" as before (scripts/schemas.ts).
export const dateTimeSchema = z
  .string()
  .check(
    z.regex(
      /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/,
      'expected a date, time and offset such as "2026-11-01T09:00:00Z"',
    ),
  )

/** How often one survey or tour may be shown to the same person. */
export const frequencySchema = z.strictObject({
  once: z.optional(z.boolean()),
  recontactDays: z.optional(days),
  maxDisplays: z.optional(intSchema.check(z.gte(1))),
  dismissCooldownDays: z.optional(days),
  ignoreGlobalCooldown: z.optional(z.boolean()),
})

/** Rules shared by every survey and tour of a project. */
export const settingsSchema = z.strictObject({
  cooldownDays: z.optional(days),
  maxPromptsPerSession: z.optional(intSchema.check(z.gte(0))),
})

/** When an item is live: from `start` to `end`, both inclusive. */
export const scheduleSchema = z
  .strictObject({
    start: z.optional(dateTimeSchema),
    end: z.optional(dateTimeSchema),
  })
  .check(
    // Swapped dates or a mistyped year would keep the item off for good, without a word.
    refine(({ start, end }, ctx) => {
      if (start !== undefined && end !== undefined && Date.parse(end) < Date.parse(start)) {
        const message = `expected a time after start (${start})`
        ctx.addIssue({ code: 'custom', input: end, path: ['end'], message })
      }
    }),
  )

export type Frequency = z.infer<typeof frequencySchema>
export type Settings = z.infer<typeof settingsSchema>
export type Schedule = z.infer<typeof scheduleSchema>
