import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { traitRuleSchema } from './audience'
import { metricSchema } from './event'
import { refine } from './refine'
import { surveySchema } from './survey'
import { tagged } from './tagged'

const forms = [
  z.strictObject({ kind: z.literal('a'), n: z.number() }),
  z.strictObject({
    kind: z.literal(['b', 'c']),
    // An issue that lets the checks of the object around go on (a whole item's check).
    s: z
      .string()
      .check(refine((s, issues) => issues.addIssue({ code: 'custom', path: [], message: s }))),
  }),
] as const
// The checks of the object around run as they ran with z.discriminatedUnion, or do not.
const around = (union: z.ZodMiniType) =>
  z
    .strictObject({ item: union })
    .check(refine((_, issues) => issues.addIssue({ code: 'custom', path: [], message: 'after' })))

// What z.discriminatedUnion made, issue by issue, with the same reports as parse asks for.
function alike(ours: z.ZodMiniType, zods: z.ZodMiniType, input: unknown): void {
  const run = (schema: z.ZodMiniType) => schema.safeParse(input, { reportInput: true })
  const [a, b] = [run(ours), run(zods)]
  expect(a.success).toBe(b.success)
  // zod's note on an unknown tag ("No matching discriminator") is read by nothing of Sonde's.
  const issues = (r: typeof a) => r.error?.issues.map((issue) => ({ ...issue, note: undefined }))
  expect(a.success ? a.data : issues(a)).toEqual(b.success ? b.data : issues(b))
}

const value = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'd', '', 'constructor', '__proto__', 1, 'x'),
  fc.anything({ maxDepth: 1 }),
)
const item = fc.oneof(
  value,
  fc.dictionary(fc.constantFrom('kind', 'n', 's', 'extra'), value, { maxKeys: 4 }),
)

describe('tagged', () => {
  it('gives the data and issues z.discriminatedUnion gives, and stops what it stops', () => {
    const ours = tagged('kind', forms)
    const zods = z.discriminatedUnion('kind', forms)
    fc.assert(
      fc.property(item, (input) => {
        alike(ours, zods, input)
        alike(around(ours), around(zods), { item: input })
      }),
      { numRuns: 2000 },
    )
  })

  it.each([
    ['a question', surveySchema._zod.def.shape.questions._zod.def.element, 'type'],
    ['a trait rule', traitRuleSchema, 'op'],
    ['a metric', metricSchema, 'kind'],
  ] as const)('tells %s as zod did', (_, schema, key) => {
    const zods = z.discriminatedUnion(key, schema._zod.def.options as never)
    const tags = schema._zod.def.options.flatMap(
      (o) =>
        (o._zod.def.shape as unknown as Record<string, z.ZodMiniLiteral>)[key]?._zod.def.values ??
        [],
    )
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(key, 'id', 'text', 'key', 'value', 'scale', 'score'), value),
        fc.constantFrom(...tags, 'slider', undefined),
        (fields, tag) =>
          alike(schema, zods, tag === undefined ? fields : { ...fields, [key]: tag }),
      ),
      { numRuns: 500 },
    )
    alike(schema, zods, 'text')
  })

  it('is exclusive, as the published schemas say (oneOf)', () => {
    expect(z.toJSONSchema(tagged('kind', forms))).toHaveProperty('oneOf')
    expect(tagged('kind', forms).check(z.refine(() => true))._zod.def).toMatchObject({
      inclusive: false,
      discriminator: 'kind',
    })
  })
})
