import * as z from 'zod/mini'
import { positionSchema } from './display'
import type { SondeEvent } from './event'
import { localeTagSchema } from './text'

// Typed by what Sonde calls it with: a host's `(event) => …` must see a SondeEvent, not `never`.
const fn = <F extends (...args: never[]) => unknown>(message = 'expected a function') =>
  z.custom<F>((v) => typeof v === 'function', message)
const jsonObject = z.record(z.string(), z.unknown())
// Traits and context are the host's own objects, an app's user model (a class instance, which a
// record refuses) among them: Sonde keeps what JSON keeps of them, as identify() does. Traits
// are typed `object`: an interface or a class has no index signature, so is no Record<string,
// unknown>. Context stays a record: as `object` it would take a function, an async one too,
// whose promise gives no context.
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v)
const hostObject = z.custom<object>(isObject, 'expected an object')

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
  user: z.optional(z.strictObject({ id: z.optional(z.string()), traits: z.optional(hostObject) })),
  locale: z.optional(localeTagSchema),
  consent: z.optional(z.enum(['granted', 'pending', 'denied'])),
  theme: z.optional(themeSchema),
  // One check for both forms, so a value neither takes is told of both.
  context: z.optional(
    z.custom<Record<string, unknown> | (() => Record<string, unknown>)>(
      (v) => typeof v === 'function' || isObject(v),
      'expected an object or a function',
    ),
  ),
  redact: z.optional(z.strictObject({ query: z.optional(z.array(z.string())) })),
  beforeSend: z.optional(fn<(event: SondeEvent) => SondeEvent | null>()),
  debug: z.optional(z.boolean()),
  appVersion: z.optional(z.string()),
})

export type Theme = z.infer<typeof themeSchema>
export type InitOptions = z.infer<typeof initOptionsSchema>
