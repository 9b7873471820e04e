import * as z from 'zod/mini'
import { positionSchema } from './display'
import type { OutgoingEvent, SondeEvent } from './event'
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
  colorScheme: z.optional(z.literal(['auto', 'light', 'dark'])),
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
  consent: z.optional(z.literal(['granted', 'pending', 'denied'])),
  theme: z.optional(themeSchema),
  // One check for both forms, so a value neither takes is told of both.
  context: z.optional(
    z.custom<Record<string, unknown> | (() => Record<string, unknown>)>(
      (v) => typeof v === 'function' || isObject(v),
      'expected an object or a function',
    ),
  ),
  redact: z.optional(z.strictObject({ query: z.optional(z.array(z.string())) })),
  beforeSend: z.optional(fn<(event: OutgoingEvent) => SondeEvent | null>()),
  debug: z.optional(z.boolean()),
  appVersion: z.optional(z.string()),
})

/** How prompts and tours look, over Sonde's own styles (light or dark by the visitor's setting). */
export type Theme = {
  /** The colour of buttons, selection and focus (any CSS colour); text on it is kept readable. */
  accent?: string
  /** The prompt's background colour (any CSS colour). */
  background?: string
  /** The prompt's text colour (any CSS colour). */
  text?: string
  /** A CSS `font-family` for prompts and tours (default: the system UI font). */
  font?: string
  /** Corner radius in px, 0 to 48. */
  radius?: number
  /** `auto` (default) follows the visitor's `prefers-color-scheme`. */
  colorScheme?: 'auto' | 'light' | 'dark'
  /** Where a survey appears unless its own `display.position` says (default `bottom-right`). */
  position?: z.infer<typeof positionSchema>
}

/** The options of `init()`. Only `endpoint` is required. */
export type InitOptions = {
  /** Where batches are POSTed: an absolute URL, or one relative to the page's base URL. */
  endpoint: string
  /** The project's public write key, sent in each batch's body. */
  key?: string
  /**
   * The surveys and tours: the URL of a config (fetched, cached and revalidated every 5 minutes)
   * or the config itself. A field it gets wrong is said in one console error and that survey or
   * tour is left out; the rest still run.
   */
  config?: string | Record<string, unknown>
  /** The signed-in user, as `identify()` would give it; `traits` are kept as JSON keeps them. */
  user?: { id?: string; traits?: object }
  /** A BCP 47 tag choosing survey texts and the prompt's words (default `navigator.language`). */
  locale?: string
  /**
   * `granted` (default); `pending` or `denied`: nothing is stored or sent and no survey is shown
   * until `optIn()`.
   */
  consent?: 'granted' | 'pending' | 'denied'
  /** Colours, font, corner radius, colour scheme and default position of prompts and tours. */
  theme?: Theme
  /**
   * Added to every event's context as `custom`: an object, or a function called for each event
   * (synchronous: a promise gives none). Over 8 KB of JSON it is left out, with an error.
   */
  context?: Record<string, unknown> | (() => Record<string, unknown>)
  /** `query`: the query parameters kept in captured URLs; the others, and the fragment, go. */
  redact?: { query?: string[] }
  /**
   * The last look at each event before it is queued: return it, changed or not, or `null` to
   * drop it. Synchronous: anything else (a forgotten `return`, a promise) or a throw drops it,
   * with a `[sonde]` error.
   */
  beforeSend?: (event: OutgoingEvent) => SondeEvent | null
  /** Logs each decision (why a survey was or was not shown) to the console, prefixed `[sonde]`. */
  debug?: boolean
  /** The host app's version, sent as `context.app.version`. */
  appVersion?: string
}

// The documented types above are what the schemas check, field for field: one that gains or
// changes a field the other does not fails the build here. Each must take the other and name
// the same fields (an optional field only one has passes the first test).
type Takes<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Same<A, B> = Takes<A, B> extends true ? Takes<keyof A, keyof B> : false
type Holds<T extends true> = T
export type SchemasMatch = Holds<Same<Theme, z.infer<typeof themeSchema>>> &
  Holds<Same<InitOptions, z.infer<typeof initOptionsSchema>>>
