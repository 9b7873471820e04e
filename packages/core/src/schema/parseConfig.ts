import * as z from 'zod/mini'
import { type Config, configSchema } from './config'
import { type Settings, settingsSchema } from './frequency'
import { type ParseError, parse } from './parse'
import { surveySchema } from './survey'
import { tourSchema } from './tour'
import { unknownFields } from './unknownField'

export interface ConfigResult {
  /** What can run: the settings and every survey and tour that passed. */
  value: Config
  /** Why anything was left out; empty when the whole input is valid. */
  errors: ParseError[]
  /**
   * The input is no config at all (not an object, `surveys` or `tours` not a list), so `value`
   * holds nothing of it: not a config with every survey removed.
   */
  rejected: boolean
}

const envelope = z.looseObject({
  $schema: z.optional(z.string()),
  settings: z.optional(z.unknown()),
  surveys: z.optional(z.array(z.unknown())),
  tours: z.optional(z.array(z.unknown())),
})

/**
 * Reads a project's config. Each survey and tour is checked on its own, so one bad definition is
 * skipped with its reasons and the rest still run; a duplicate id keeps the first. Never throws.
 */
export function parseConfig(input: unknown): ConfigResult {
  const top = parse(envelope, input)
  if (!top.ok) return { value: {}, errors: top.errors, rejected: true }
  const fields = Object.keys(configSchema.shape)
  const errors = unknownFields(
    Object.keys(top.value).filter((key) => !fields.includes(key)),
    fields,
    [],
  )
  const value: Config = {}
  if (top.value.settings !== undefined) {
    const settings = parse(settingsSchema, top.value.settings, ['settings'])
    if (settings.ok) value.settings = settings.value
    else {
      errors.push(...settings.errors)
      // The valid settings still hold: a misspelt key must not take the project's cooldown
      // with it, and with it what keeps every survey from prompting as often as it fires.
      const kept = validSettings(top.value.settings)
      if (Object.keys(kept).length > 0) value.settings = kept
    }
  }
  if (top.value.surveys) value.surveys = pick(surveySchema, top.value.surveys, 'surveys', errors)
  if (top.value.tours) value.tours = pick(tourSchema, top.value.tours, 'tours', errors)
  return { value, errors, rejected: false }
}

function pick<S extends z.ZodMiniType<{ id: string }>>(
  schema: S,
  items: unknown[],
  field: string,
  errors: ParseError[],
): z.infer<S>[] {
  const ids = new Set<string>()
  const kept: z.infer<S>[] = []
  items.forEach((item, i) => {
    const result = parse(schema, item, [field, i])
    if (!result.ok) {
      errors.push(...result.errors)
      return
    }
    if (ids.has(result.value.id)) {
      errors.push({ path: `${field}[${i}].id`, message: `duplicate id "${result.value.id}"` })
      return
    }
    ids.add(result.value.id)
    kept.push(result.value)
  })
  return kept
}

// Each setting checked on its own (zod reads the input, so a throwing getter is an error here too).
function validSettings(input: unknown): Settings {
  const kept: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(settingsSchema.shape)) {
    const one = parse(z.object({ [key]: field }), input)
    if (one.ok && one.value[key] !== undefined) kept[key] = one.value[key]
  }
  return kept as Settings
}
