// The built validator (dist/sonde-validate.js: zod cut by trimZod, linked to sonde.js's loan)
// against the source the npm build runs (src/validate, zod whole): on Sonde's real schemas, every
// config and every set of options, valid or one author's mistake away, gets the same verdict, the
// same value and the same words from both.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { lentFrom, lentModules } from './lent'

const sdk = join(dirname(fileURLToPath(import.meta.url)), '..')
const built = join(sdk, 'dist/sonde-validate.js')
const base = 'https://app.example/reports/'
// Typed here: the scripts' project does not compile src/ (a DOM program).
interface Validator {
  checkConfig(input: unknown): { config: unknown; warning: string | null }
  checkStart(input: unknown, baseURI: string): { ok: boolean }
  link(lent: object): void
}
let chunk: Validator
const source = (await import(/* @vite-ignore */ join(sdk, 'src/validate/index.ts'))) as Validator
// The definitions of the schema tests (core's "1,000 configs"), imported the same way.
type Arb = fc.Arbitrary<unknown>
const { arbitraryConfig, arbitrarySurvey, arbitraryTour, nearMiss } = (await import(
  /* @vite-ignore */ join(sdk, '../core/scripts/definitions.arbitrary.ts')
)) as { arbitraryConfig: Arb; arbitrarySurvey: Arb; arbitraryTour: Arb; nearMiss(valid: Arb): Arb }

// The loan sonde.js hands the chunk (lendModules): each lent module's exports, sorted, keyed in
// the order of the list by a running base-36 number, stamped with the version.
async function loan(): Promise<Record<string, unknown>> {
  const { version } = JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8'))
  const lent: Record<string, unknown> = { $: version }
  let n = 0
  for (const spec of lentModules) {
    const id = spec.startsWith('.') ? new URL(spec, pathToFileURL(lentFrom)).pathname : spec
    const exported = (await import(/* @vite-ignore */ id)) as Record<string, unknown>
    for (const name of Object.keys(exported).sort()) lent[(n++).toString(36)] = exported[name]
  }
  return lent
}

beforeAll(async () => {
  if (!existsSync(built))
    throw new Error(
      'packages/sdk/dist/sonde-validate.js is missing: run pnpm --filter @sonde/sdk build',
    )
  chunk = (await import(/* @vite-ignore */ pathToFileURL(built).href)) as Validator
  chunk.link(await loan())
})

// What a caller of each sees: the value returned, or the message thrown.
const outcome = (run: () => unknown) => {
  try {
    return { returned: run() }
  } catch (error) {
    return { threw: (error as Error).message }
  }
}
const same = (input: unknown) => {
  expect(outcome(() => chunk.checkConfig(input))).toEqual(outcome(() => source.checkConfig(input)))
  const options = { endpoint: '/v1/batch', config: input }
  expect(chunk.checkStart(options, base)).toEqual(source.checkStart(options, base))
}

const definitions = fc.oneof(
  arbitraryConfig,
  nearMiss(arbitraryConfig),
  fc
    .array(nearMiss(arbitrarySurvey), { minLength: 1, maxLength: 2 })
    .map((surveys) => ({ surveys })),
  fc.array(nearMiss(arbitraryTour), { minLength: 1, maxLength: 2 }).map((tours) => ({ tours })),
  // No config at all, or surveys of anything.
  fc.oneof(fc.jsonValue(), fc.record({ surveys: fc.array(fc.jsonValue(), { maxLength: 2 }) })),
)

// init's options as hosts write them (a config inline or by URL), then near-misses of them.
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
const options = fc
  .record({
    endpoint: fc.constantFrom('/v1/batch', 'https://collect.example/v1', 'https://', 'http://[bad'),
    key: opt(fc.constantFrom('pk_live_1', '')),
    config: opt(fc.oneof(fc.constantFrom('sonde.json', 'http://[bad'), arbitraryConfig)),
    user: opt(
      fc.record({ id: opt(fc.constant('u_42')), traits: opt(fc.constant({ plan: 'pro' })) }),
    ),
    locale: opt(fc.constantFrom('en', 'fr-CA', 'zh-Hant-TW', 'xx-', 'en_US')),
    consent: opt(fc.constantFrom('granted', 'pending', 'denied')),
    theme: opt(
      fc.record({
        accent: opt(fc.constant('#0a7')),
        radius: opt(fc.integer({ min: 0, max: 48 })),
        colorScheme: opt(fc.constantFrom('auto', 'light', 'dark')),
        position: opt(fc.constantFrom('bottom-right', 'center', 'bottom')),
      }),
    ),
    context: opt(fc.constant({ page: 'reports' })),
    redact: opt(fc.record({ query: opt(fc.constant(['token'])) })),
    debug: opt(fc.boolean()),
    appVersion: opt(fc.constant('2.3.1')),
  })
  .map((o) => JSON.parse(JSON.stringify(o)))
// Functions are no JSON: given after the mutation, the same ones to both.
const beforeSend = (event: unknown) => event
const context = () => ({ page: 'reports' })
const withFunctions = fc
  .tuple(fc.oneof(options, nearMiss(options)), fc.nat(3))
  .map(([o, pick]) =>
    pick === 0
      ? { ...o, beforeSend }
      : pick === 1
        ? { ...o, context }
        : pick === 2
          ? { ...o, beforeSend: 1 }
          : o,
  )

describe('the built validator', () => {
  // What no JSON is but a host's page may pass inline: zod's object and record code, which
  // trimZod cuts into, meets each.
  const survey = {
    id: 'nps-q4',
    version: 1,
    kind: 'nps',
    questions: [{ id: 'q1', type: 'nps', text: 'Hi' }],
  }
  const hostile = Object.defineProperty({}, 'surveys', {
    enumerable: true,
    get() {
      throw new Error('boom')
    },
  })
  class Survey {
    id = 'nps-q4'
    version = 1
    kind = 'nps'
    questions = survey.questions
  }
  it.each([
    ['a getter that throws', hostile],
    [
      'a __proto__ field',
      { surveys: [JSON.parse('{"__proto__": {"x": 1}, "id": "a", "version": 1}')] },
    ],
    ['a prototype-less survey', { surveys: [Object.assign(Object.create(null), survey)] }],
    ['a class instance', { surveys: [new Survey()] }],
    ['a proxy', { surveys: [new Proxy(survey, {})] }],
    [
      'a where keyed by numbers',
      { surveys: [{ ...survey, trigger: { event: 'x', where: { 12: 1, '1e3': { gte: 'a' } } } }] },
    ],
    [
      'a symbol key and a sparse list',
      {
        surveys: [
          {
            ...survey,
            [Symbol('s')]: 1,
            questions: Object.assign(Array(2), { 1: survey.questions[0] }),
          },
        ],
      },
    ],
  ])('words %s as the source does', (_, input) => same(input))

  it('words every config, valid or near, as the source does', () => {
    const verdicts = new Set<string>()
    fc.assert(
      fc.property(definitions, (input) => {
        same(input)
        const { returned, threw } = outcome(() => source.checkConfig(input)) as {
          returned?: { warning: string | null }
          threw?: string
        }
        verdicts.add(threw ? 'refused' : returned?.warning ? 'warned' : 'valid')
      }),
      { numRuns: 5_000 },
    )
    // Not a test of nothing: each verdict was reached and compared.
    expect([...verdicts].sort()).toEqual(['refused', 'valid', 'warned'])
  })

  it('words every set of init options, valid or near, as the source does', () => {
    const verdicts = new Set<boolean>()
    fc.assert(
      fc.property(withFunctions, (input) => {
        const expected = source.checkStart(input, base)
        expect(chunk.checkStart(input, base)).toEqual(expected)
        verdicts.add(expected.ok)
      }),
      { numRuns: 2_000 },
    )
    expect([...verdicts].sort()).toEqual([false, true])
  })
})
