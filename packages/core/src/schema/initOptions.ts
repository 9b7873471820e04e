import * as z from 'zod/mini'
import { positionSchema } from './display'
import { localeTagSchema } from './text'

const fn = z.custom<(...args: never[]) => unknown>(
  (v) => typeof v === 'function',
  'expected a function',
)
const jsonObject = z.record(z.string(), z.unknown())

export const themeSchema = z.strictObject({
  accent: z.optional(z.string()),
  background: z.optional(z.string()),
  text: z.optional(z.string()),
  font: z.optional(z.string()),
  radius: z.optional(z.number().check(z.gte(0), z.lte(48))),
  colorScheme: z.optional(z.enum(['auto', 'light', 'dark'])),
  position: z.optional(positionSchema),
})

/**
 * The options of `init()`. `config` is checked separately (see `parseConfig`) so that one bad
 * survey is skipped with its reason while the others still work.
 */
export const initOptionsSchema = z.strictObject({
  endpoint: z.string().check(z.minLength(1, 'expected the URL batches are sent to')),
  key: z.optional(z.string()),
  config: z.optional(z.union([z.string().check(z.minLength(1)), jsonObject])),
  user: z.optional(z.strictObject({ id: z.optional(z.string()), traits: z.optional(jsonObject) })),
  locale: z.optional(localeTagSchema),
  consent: z.optional(z.enum(['granted', 'pending', 'denied'])),
  theme: z.optional(themeSchema),
  context: z.optional(z.union([jsonObject, fn])),
  redact: z.optional(z.strictObject({ query: z.optional(z.array(z.string())) })),
  beforeSend: z.optional(fn),
  debug: z.optional(z.boolean()),
  appVersion: z.optional(z.string()),
})

export type Theme = z.infer<typeof themeSchema>
export type InitOptions = z.infer<typeof initOptionsSchema>
