import * as z from 'zod/mini'
import { positionSchema } from './display'
import type { SondeEvent } from './event'
import { localeTagSchema } from './text'

// Typed by what Sonde calls it with: a host's `(event) => …` must see a SondeEvent, not `never`.
const fn = <F extends (...args: never[]) => unknown>(message = 'expected a function') =>
  z.custom<F>((v) => typeof v === 'function', message)
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
  // A value neither form takes is reported by the function branch (the object one refused its
  // type outright), so that branch names both forms.
  context: z.optional(
    z.union([jsonObject, fn<() => Record<string, unknown>>('expected an object or a function')]),
  ),
  redact: z.optional(z.strictObject({ query: z.optional(z.array(z.string())) })),
  beforeSend: z.optional(fn<(event: SondeEvent) => SondeEvent | null>()),
  debug: z.optional(z.boolean()),
  appVersion: z.optional(z.string()),
})

export type Theme = z.infer<typeof themeSchema>
export type InitOptions = z.infer<typeof initOptionsSchema>
