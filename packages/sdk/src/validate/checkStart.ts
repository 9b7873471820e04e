import {
  type Config,
  describeError,
  type InitOptions,
  initOptionsSchema,
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

/** The config part of a check: what runs, and the reasons for what was skipped (or null). */
export function checkConfig(input: unknown): { config: Config; warning: string | null } {
  const { value, errors } = parseConfig(input)
  const warning =
    errors.length > 0
      ? `invalid config, the rest still runs: ${errors.map((e) => `config.${describeError(e)}`).join('; ')}`
      : null
  return { config: value, warning }
}

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
  const { config, warning } = checkConfig(options.config ?? {})
  return { ok: true, options, config, warning }
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
