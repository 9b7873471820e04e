import {
  type Config,
  describeError,
  type InitOptions,
  initOptionsSchema,
  type ParseError,
  parse,
  parseConfig,
} from '@sonde/core'

/** What `init` may run with, or the one console message saying why not. */
export type StartCheck =
  | {
      ok: true
      options: InitOptions
      config: Config | { url: string }
      /** Why part of an inline config was skipped; null when all of it is valid. */
      warning: string | null
    }
  | { ok: false; error: string }

/**
 * A remote config: what runs, and the reasons for what was skipped (or null). A body that is no
 * config at all throws, so that the last good config stays: read as one, it would take every
 * survey off every page.
 */
export function checkConfig(input: unknown): { config: Config; warning: string | null } {
  const { value, errors, rejected } = parseConfig(input)
  if (rejected) throw new Error(`not a config: ${reasons(errors)}`)
  return { config: value, warning: warningOf(errors) }
}

const reasons = (errors: ParseError[]) => errors.map((e) => `config.${describeError(e)}`).join('; ')
const warningOf = (errors: ParseError[]) =>
  errors.length > 0 ? `invalid config, the rest still runs: ${reasons(errors)}` : null

/**
 * Checks the options of `init` and an inline config; a config URL is resolved against the page
 * (the remote config is checked when it arrives).
 */
export function checkStart(input: unknown, baseURI: string): StartCheck {
  const parsed = parse(initOptionsSchema, input)
  if (!parsed.ok)
    return {
      ok: false,
      error: `invalid init options: ${parsed.errors.map(describeError).join('; ')}`,
    }
  const options = parsed.value
  // A string the schema accepts may still not resolve (`https://`, `http://[bad`): said here,
  // naming the field, rather than as a bare TypeError when Sonde starts.
  for (const field of ['endpoint', 'config'] as const) {
    const value = options[field]
    if (typeof value === 'string' && !resolves(value, baseURI))
      return {
        ok: false,
        error: `invalid init options: ${field}: expected a URL, got ${JSON.stringify(value)}`,
      }
  }
  if (typeof options.config === 'string')
    return {
      ok: true,
      options,
      config: { url: new URL(options.config, baseURI).href },
      warning: null,
    }
  const { value, errors } = parseConfig(options.config ?? {})
  return { ok: true, options, config: value, warning: warningOf(errors) }
}

// Not URL.canParse: Safari before 17 lacks it.
function resolves(url: string, base: string): boolean {
  try {
    new URL(url, base)
    return true
  } catch {
    return false
  }
}
