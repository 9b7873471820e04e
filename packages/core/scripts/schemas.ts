// Writes the JSON Schemas product teams point their editors at (`"$schema": ".../config.json"`),
// or with --check fails when the committed files differ from the zod schemas.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as z from 'zod/mini'
import { batchSchema } from '../src/schema/batch'
import { configSchema } from '../src/schema/config'
import { eventSchema } from '../src/schema/event'
import { dateTimeSchema } from '../src/schema/frequency'
import { wholeNumber } from '../src/schema/int'
import { surveySchema } from '../src/schema/survey'
import { localeMapSchema } from '../src/schema/text'
import { tourSchema } from '../src/schema/tour'

const schemas = {
  config: [configSchema, 'Sonde project config: settings, surveys and tours'],
  survey: [surveySchema, 'Sonde survey definition'],
  tour: [tourSchema, 'Sonde tour definition'],
  event: [eventSchema, 'Sonde event on the wire'],
  batch: [batchSchema, 'Sonde batch on the wire (sonde.batch/1)'],
} as const

const check = process.argv.includes('--check')
const stale: string[] = []
for (const [name, [schema, title]] of Object.entries(schemas)) {
  const file = fileURLToPath(new URL(`../schemas/${name}.json`, import.meta.url))
  // `io: 'input'` describes what authors may write (defaults and transforms not applied yet).
  const json = {
    title,
    ...z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
      // Refinements have no JSON Schema form; this one does (kept out of the validator's bundle).
      override: ({ zodSchema, jsonSchema }) => {
        if (zodSchema === localeMapSchema) jsonSchema.minProperties = 1
        // z.iso.datetime's pattern as a plain check: its format is said, where zod said it.
        // z.int()'s check written out (intSchema): an integer of the safe range, as zod says it.
        if (zodSchema._zod.def.checks?.some((check) => check._zod.check === wholeNumber)) {
          const { minimum = -Number.MAX_SAFE_INTEGER, maximum = Number.MAX_SAFE_INTEGER } =
            jsonSchema as { minimum?: number; maximum?: number }
          delete jsonSchema.minimum
          delete jsonSchema.maximum
          Object.assign(jsonSchema, {
            type: 'integer',
            minimum: Math.max(minimum, -Number.MAX_SAFE_INTEGER),
            maximum: Math.min(maximum, Number.MAX_SAFE_INTEGER),
          })
        }
        if (zodSchema === dateTimeSchema) {
          const { pattern } = jsonSchema
          delete jsonSchema.pattern
          Object.assign(jsonSchema, { format: 'date-time', pattern })
        }
      },
    }),
  }
  const text = `${JSON.stringify(json, null, 2)}\n`
  let current = ''
  try {
    current = readFileSync(file, 'utf8')
  } catch {}
  if (current === text) continue
  if (check) stale.push(name)
  else writeFileSync(file, text)
}
if (stale.length > 0) {
  console.error(`JSON Schemas out of date: ${stale.join(', ')}. Run \`pnpm schemas\` and commit.`)
  process.exit(1)
}
console.log(check ? 'JSON Schemas are current.' : 'JSON Schemas written to packages/core/schemas/.')
