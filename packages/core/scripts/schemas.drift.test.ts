import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type * as z from 'zod/mini'
import { configSchema } from '../src/schema/config'
import { surveySchema } from '../src/schema/survey'
import { tourSchema } from '../src/schema/tour'
import { arbitraryConfig, arbitrarySurvey, arbitraryTour, nearMiss } from './definitions.arbitrary'

// The published JSON Schemas as an author's editor reads them: ajv is the validator most editors
// and CI linters use for draft 2020-12, with its formats (date-time) as they check them.
const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats.default(ajv)
const published = (name: string) =>
  ajv.compile(JSON.parse(readFileSync(new URL(`../schemas/${name}.json`, import.meta.url), 'utf8')))

// The checks that look at several fields at once (a goto and the question it names, ids that
// must differ, a kind and its scored question, start before end, bounds a count can meet, a
// branching value a question's answers can take, a regex that compiles): JSON Schema has no
// words for them, so an editor accepts what Sonde then refuses with its message. Every other
// refusal must be the editor's too, and nothing Sonde runs may be marked wrong in the editor.
function refinedOnly(issues: z.core.$ZodIssue[]): boolean {
  return issues.every(
    (issue) =>
      issue.code === 'custom' ||
      (issue.code === 'invalid_union' && issue.errors.some((branch) => refinedOnly(branch))),
  )
}

function agree(schema: z.ZodMiniType, json: ReturnType<typeof published>, value: unknown): void {
  const zod = schema.safeParse(value)
  const editor = json(value)
  const why = `zod: ${JSON.stringify(zod.error?.issues)}\neditor: ${JSON.stringify(json.errors)}\nvalue: ${JSON.stringify(value)}`
  if (zod.success) expect(editor, why).toBe(true)
  else if (!refinedOnly(zod.error.issues)) expect(editor, why).toBe(false)
}

const cases = [
  ['survey', surveySchema, arbitrarySurvey],
  ['tour', tourSchema, arbitraryTour],
  ['config', configSchema, arbitraryConfig],
] as const

describe('published JSON Schemas and zod', () => {
  for (const [name, schema, arbitrary] of cases) {
    const json = published(name)

    it(`accept every valid ${name} alike`, () => {
      fc.assert(
        fc.property(arbitrary, (value) => {
          expect(schema.safeParse(value).success).toBe(true)
          agree(schema, json, value)
        }),
        { numRuns: 300 },
      )
    })

    it(`judge each near-miss ${name} alike`, () => {
      fc.assert(
        fc.property(nearMiss(arbitrary), (value) => agree(schema, json, value)),
        { numRuns: 1500 },
      )
    })
  }
})
