import * as z from 'zod/mini'
import { countSchema, scalarSchema } from './condition'
import { tagged } from './tagged'
import { localeTagSchema } from './text'
import { urlRuleSchema } from './urlRule'

export const deviceSchema = z.literal(['desktop', 'mobile', 'tablet'])

// A trait key, an event name: track('') is refused, so a rule on an event of no name never held.
const key = z.string().check(z.minLength(1))

/**
 * A rule on one user trait, e.g. `{ key: "plan", op: "in", value: ["pro"] }`. The value must suit
 * the operator, as in a property filter: a rule that could never hold (`in` a single string or
 * no value, `gte` a string) or that would hold for the wrong people (`eq` with no value) is refused.
 */
export const traitRuleSchema = tagged('op', [
  z.strictObject({ key, op: z.literal(['eq', 'neq']), value: scalarSchema }),
  z.strictObject({ key, op: z.literal('in'), value: z.array(scalarSchema).check(z.minLength(1)) }),
  z.strictObject({ key, op: z.literal('contains'), value: z.union([z.string(), z.number()]) }),
  z.strictObject({ key, op: z.literal(['gt', 'gte', 'lt', 'lte']), value: z.number() }),
  z.strictObject({ key, op: z.literal('exists'), value: z.optional(z.boolean()) }),
])

/** Who may see a survey or tour. Every rule present must hold. */
export const audienceSchema = z.strictObject({
  traits: z.optional(z.array(traitRuleSchema)),
  events: z.optional(z.array(z.strictObject({ name: key, count: countSchema }))),
  pageViews: z.optional(countSchema),
  // An empty list would hold for no one: refused, like a rule that could never hold.
  device: z.optional(z.array(deviceSchema).check(z.minLength(1))),
  locales: z.optional(z.array(localeTagSchema).check(z.minLength(1))),
  url: z.optional(urlRuleSchema),
  known: z.optional(z.boolean()),
  sample: z.optional(z.number().check(z.gte(0), z.lte(1))),
})

export type Device = z.infer<typeof deviceSchema>
/** What a trait rule matcher reads; the schema narrows `value` to suit each `op`. */
export interface TraitRule {
  key: string
  op: z.infer<typeof traitRuleSchema>['op']
  value?: unknown
}
export type Audience = z.infer<typeof audienceSchema>
