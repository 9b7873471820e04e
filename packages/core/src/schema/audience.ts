import * as z from 'zod/mini'
import { countSchema } from './condition'
import { localeTagSchema } from './text'
import { urlRuleSchema } from './urlRule'

export const deviceSchema = z.enum(['desktop', 'mobile', 'tablet'])

/** A rule on one user trait, e.g. `{ key: "plan", op: "in", value: ["pro"] }`. */
export const traitRuleSchema = z.strictObject({
  key: z.string().check(z.minLength(1)),
  op: z.enum(['eq', 'neq', 'in', 'contains', 'gt', 'gte', 'lt', 'lte', 'exists']),
  value: z.optional(z.unknown()),
})

/** Who may see a survey or tour. Every rule present must hold. */
export const audienceSchema = z.strictObject({
  traits: z.optional(z.array(traitRuleSchema)),
  events: z.optional(z.array(z.strictObject({ name: z.string(), count: countSchema }))),
  pageViews: z.optional(countSchema),
  device: z.optional(z.array(deviceSchema)),
  locales: z.optional(z.array(localeTagSchema)),
  url: z.optional(urlRuleSchema),
  known: z.optional(z.boolean()),
  sample: z.optional(z.number().check(z.gte(0), z.lte(1))),
})

export type Device = z.infer<typeof deviceSchema>
export type TraitRule = z.infer<typeof traitRuleSchema>
export type Audience = z.infer<typeof audienceSchema>
