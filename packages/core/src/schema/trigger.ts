import * as z from 'zod/mini'
import { filterSchema } from './condition'
import { urlRuleSchema } from './urlRule'

// At most a day: beyond 2^31 - 1 ms (24.8 days) a browser timer fires at once, so a "never"
// written as a month would show the survey as the page opens.
const seconds = z.number().check(z.gte(0), z.lte(86_400))
const delay = { delaySeconds: z.optional(seconds) }

/** What makes a survey or tour due: exactly one of event, page, time on page, scroll, exit intent. */
export const triggerSchema = z.union([
  z.strictObject({
    event: z.string().check(z.minLength(1)),
    where: z.optional(z.record(z.string(), filterSchema)),
    ...delay,
  }),
  z.strictObject({ page: urlRuleSchema, ...delay }),
  z.strictObject({ timeOnPageSeconds: seconds, ...delay }),
  z.strictObject({ scrollPercent: z.number().check(z.gte(0), z.lte(100)), ...delay }),
  z.strictObject({ exitIntent: z.literal(true), ...delay }),
])

export type Trigger = z.infer<typeof triggerSchema>
