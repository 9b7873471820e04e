import * as z from 'zod/mini'
import { filterSchema } from './condition'
import { urlRuleSchema } from './urlRule'

const delay = { delaySeconds: z.optional(z.number().check(z.gte(0), z.lte(86_400))) }

/** What makes a survey or tour due: exactly one of event, page, time on page, scroll, exit intent. */
export const triggerSchema = z.union([
  z.strictObject({
    event: z.string().check(z.minLength(1)),
    where: z.optional(z.record(z.string(), filterSchema)),
    ...delay,
  }),
  z.strictObject({ page: urlRuleSchema, ...delay }),
  z.strictObject({ timeOnPageSeconds: z.number().check(z.gte(0)), ...delay }),
  z.strictObject({ scrollPercent: z.number().check(z.gte(0), z.lte(100)), ...delay }),
  z.strictObject({ exitIntent: z.literal(true), ...delay }),
])

export type Trigger = z.infer<typeof triggerSchema>
