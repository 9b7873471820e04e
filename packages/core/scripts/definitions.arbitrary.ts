// Survey, tour and config definitions as product teams write them (each valid), and near-misses
// of them: one mistake an author makes, anywhere in the definition.
import fc from 'fast-check'
import { textFields, textLists } from '../src/schema/checkTextLocales'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Obj = { [key: string]: Json }

const opt = <T extends Json>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
// Records with optional fields left out rather than set to undefined, as JSON has them.
const record = (fields: Record<string, fc.Arbitrary<Json | undefined>>) =>
  fc.record(fields).map((r) => JSON.parse(JSON.stringify(r)) as Obj)

const locale = fc.constantFrom('en', 'fr', 'fr-CA', 'zh-Hant-TW', 'pt-BR')
const words = fc.constantFrom('How likely?', 'Merci', 'Échelle 😀', ' x ', 'a\nb')
const text: fc.Arbitrary<Json> = fc.oneof(
  words,
  fc.dictionary(locale, words, { minKeys: 1, maxKeys: 3 }),
)
const bound = fc.integer({ min: 0, max: 20 })
const count = fc.oneof(
  bound.map((n) => ({ gte: n })),
  bound.map((n) => ({ eq: n })),
  bound.map((n) => ({ gt: n, lte: n + 5 })),
)
const urlRule = fc.oneof(
  fc.constantFrom('/reports', '/app/settings', 'https://app.example.com/x').map((v) => ({
    exact: v,
  })),
  fc.constantFrom('/reports', '/app').map((v) => ({ prefix: v })),
  fc.constantFrom('/app/*', '/**/edit', '/search?q=*').map((v) => ({ glob: v })),
  fc.constantFrom('^/reports/\\d+$', '/caf%C3%A9', '[a\\-z]').map((v) => ({ regex: v })),
)
const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null))
const filter = fc.oneof(
  scalar,
  record({ gte: opt(fc.integer()), in: opt(fc.array(scalar, { minLength: 1, maxLength: 3 })) }),
)
const delaySeconds = opt(fc.integer({ min: 0, max: 86_400 }))
const trigger = fc.oneof(
  record({
    event: fc.constantFrom('report_exported', 'x'),
    where: opt(fc.dictionary(fc.constantFrom('rows', 'plan'), filter)),
    delaySeconds,
  }),
  record({ page: urlRule, delaySeconds }),
  record({ timeOnPageSeconds: fc.integer({ min: 0, max: 600 }), delaySeconds }),
  record({ scrollPercent: fc.integer({ min: 0, max: 100 }), delaySeconds }),
  record({ exitIntent: fc.constant(true), delaySeconds }),
)
const traitRule = fc.oneof(
  record({ key: fc.constant('plan'), op: fc.constantFrom('eq', 'neq'), value: scalar }),
  record({
    key: fc.constant('plan'),
    op: fc.constant('in'),
    value: fc.array(scalar, { minLength: 1, maxLength: 3 }),
  }),
  record({
    key: fc.constant('seats'),
    op: fc.constantFrom('gt', 'gte', 'lt', 'lte'),
    value: fc.integer(),
  }),
  record({ key: fc.constant('beta'), op: fc.constant('exists'), value: opt(fc.boolean()) }),
)
const audience = record({
  traits: opt(fc.array(traitRule, { maxLength: 2 })),
  events: opt(fc.array(record({ name: fc.constant('report_exported'), count }), { maxLength: 2 })),
  pageViews: opt(count),
  device: opt(fc.subarray(['desktop', 'mobile', 'tablet'], { minLength: 1 })),
  locales: opt(fc.array(locale, { minLength: 1, maxLength: 2 })),
  url: opt(urlRule),
  known: opt(fc.boolean()),
  sample: opt(fc.double({ min: 0, max: 1, noNaN: true })),
})
const frequency = record({
  once: opt(fc.boolean()),
  recontactDays: opt(fc.integer({ min: 0, max: 365 })),
  maxDisplays: opt(fc.integer({ min: 1, max: 5 })),
  dismissCooldownDays: opt(fc.double({ min: 0, max: 30, noNaN: true })),
  ignoreGlobalCooldown: opt(fc.boolean()),
})
const instant = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString())
const schedule = fc
  .tuple(opt(instant), opt(instant))
  .map(([a, b]) => (a && b && b < a ? { start: b, end: a } : { start: a, end: b }))
  .map((s) => JSON.parse(JSON.stringify(s)) as Obj)

const targetable = (id: fc.Arbitrary<string>) => ({
  id,
  version: fc.integer({ min: 1, max: 1000 }),
  locale: opt(locale),
  priority: opt(fc.integer({ min: -10, max: 10 })),
  trigger: opt(trigger),
  audience: opt(audience),
  frequency: opt(frequency),
  schedule: opt(schedule),
})

const labels = { lowLabel: opt(text), highLabel: opt(text) }
const common = { text, description: opt(text), optional: opt(fc.boolean()) }
const question = fc.oneof(
  record({ ...common, ...labels, type: fc.constant('nps') }),
  record({
    ...common,
    ...labels,
    type: fc.constant('rating'),
    scale: fc.constantFrom(3, 5, 7, 10),
    style: opt(fc.constantFrom('numbers', 'stars', 'emoji')),
  }),
  record({ ...common, ...labels, type: fc.constant('ces'), scale: opt(fc.constantFrom(5, 7)) }),
  record({
    ...common,
    type: fc.constant('text'),
    maxLength: opt(fc.integer({ min: 1, max: 10_000 })),
    placeholder: opt(text),
  }),
  record({
    ...common,
    type: fc.constant('choice'),
    multiple: opt(fc.boolean()),
    other: opt(fc.boolean()),
    options: fc
      .array(text, { minLength: 1, maxLength: 4 })
      .map((labels) => labels.map((label, i) => ({ id: `o${i}`, label }))),
  }),
)

// Ids q0, q1… and branches that only jump forward, with conditions each question's answers meet.
const questions = fc
  .tuple(fc.array(question, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 8 }))
  .map(([qs, picks]) =>
    qs.map((q, i) => {
      const out: Obj = { ...q, id: `q${i}` }
      const later = qs.length - i - 1
      const pick = picks[i]
      if (pick === undefined) return out
      const goto = pick % (later + 1) === later ? 'end' : `q${i + 1 + (pick % (later + 1))}`
      const when: Obj | undefined =
        q.type === 'nps'
          ? { bucket: 'detractor' }
          : q.type === 'text' || q.type === 'choice'
            ? { answered: true }
            : { gte: 1 }
      out.next = pick % 2 ? [{ if: when, goto }, { goto: 'end' }] : [{ goto }]
      return out
    }),
  )

/** The item with a text in its own locale in every text map, as Sonde requires. */
export function inOwnLocale<T extends { readonly [key: string]: unknown }>(item: T): T {
  const own = typeof item.locale === 'string' ? item.locale : 'en'
  const fill = (part: object): object =>
    Object.fromEntries(
      Object.entries(part).map(([field, value]) => [
        field,
        textFields.includes(field) && value && typeof value === 'object' && !Array.isArray(value)
          ? { ...value, [own]: 'Hi' }
          : textLists.includes(field) && Array.isArray(value)
            ? value.map(fill)
            : value,
      ]),
    )
  return fill(item) as T
}

const scored = { nps: 'nps', rating: 'csat', ces: 'ces' } as Record<string, string>

export const arbitrarySurvey: fc.Arbitrary<Json> = fc
  .tuple(
    record({
      ...targetable(fc.constantFrom('nps-q4', 'csat.ticket', 'a:b_c-1')),
      questions,
      thankYou: opt(text),
      display: opt(
        record({
          position: opt(fc.constantFrom('bottom-right', 'center', 'bottom')),
          dismissible: opt(fc.boolean()),
        }),
      ),
    }),
    fc.boolean(),
  )
  .map(([survey, custom]) => {
    const types = (survey.questions as Obj[]).map((q) => scored[q.type as string])
    const kind = custom ? 'custom' : (types.find(Boolean) ?? 'custom')
    return inOwnLocale({ ...survey, kind })
  })

const step = record({
  id: fc.constant('s'),
  target: opt(fc.constantFrom('#new-report', '.menu > button')),
  title: text,
  body: opt(text),
  placement: opt(fc.constantFrom('auto', 'top', 'right-end')),
  spotlight: opt(fc.boolean()),
  advanceOn: opt(record({ click: opt(fc.boolean()), event: opt(fc.constant('report_created')) })),
})

export const arbitraryTour: fc.Arbitrary<Json> = record({
  ...targetable(fc.constantFrom('welcome', 'tour-2')),
  missingTarget: opt(
    record({
      policy: fc.constantFrom('wait', 'skip', 'abort'),
      timeoutMs: opt(fc.integer({ min: 0, max: 600_000 })),
    }),
  ),
  steps: fc
    .array(step, { minLength: 1, maxLength: 4 })
    .map((steps) => steps.map((s, i) => ({ ...s, id: `s${i}` }))),
}).map(inOwnLocale)

export const arbitraryConfig: fc.Arbitrary<Json> = record({
  $schema: opt(fc.constant('https://unpkg.com/@sonde/core/schemas/config.json')),
  settings: opt(
    record({
      cooldownDays: opt(fc.integer({ min: 0, max: 30 })),
      maxPromptsPerSession: opt(fc.nat(3)),
    }),
  ),
  surveys: opt(fc.array(arbitrarySurvey, { maxLength: 2 })),
  tours: opt(fc.array(arbitraryTour, { maxLength: 1 })),
})

// What an author gets wrong: a value of another type, out of range, emptied or misspelt, a field
// left out or unknown, an id copied, a goto to a question that is not there.
const wrongValues: Json[] = [
  null,
  true,
  0,
  -1,
  0.5,
  4,
  11,
  1e6,
  '',
  ' ',
  '.',
  'é',
  '/café',
  '#/x',
  '(',
  'nowhere',
  'end',
  'ces',
  'nps',
  'numbers',
  '2026-13-01T00:00:00Z',
  '2026-11-01',
  [],
  {},
  [1],
  { en: '' },
]

function paths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at)
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      paths(v, [...at, Array.isArray(value) ? +k : k], out)
  }
  return out
}

function mutate(root: Json, path: (string | number)[], kind: number, pick: number): Json {
  const copy = structuredClone(root)
  if (path.length === 0) return kind % 2 ? { ...(copy as Obj), colour: 'red' } : copy
  const parent = path.slice(0, -1).reduce((node, key) => (node as Obj)[key] as Json, copy) as Obj
  const key = path[path.length - 1] as string
  const list = Array.isArray(parent) ? (parent as Json[]) : undefined
  switch (kind % 5) {
    case 0:
      parent[key] = wrongValues[pick % wrongValues.length] as Json
      break
    case 1:
      if (list) list.splice(Number(key), 1)
      else delete parent[key]
      break
    case 2:
      if (list) list.push(structuredClone(list[Number(key)] as Json))
      else parent[`${key}s`] = parent[key] as Json
      break
    case 3: {
      const value = parent[key]
      if (typeof value === 'number') parent[key] = pick % 2 ? -value - 1 : value * 100 + 0.5
      else if (typeof value === 'string') parent[key] = pick % 2 ? `${value} ` : value.toUpperCase()
      else if (value && typeof value === 'object' && !Array.isArray(value)) value.colour = 'red'
      else parent[key] = String(value)
      break
    }
    default:
      if (!list) delete Object.assign(parent, { [`${key}_`]: parent[key] })[key]
  }
  return copy
}

/** A valid definition with one or two mistakes made in it, anywhere. */
export function nearMiss(valid: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc
    .tuple(valid, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 2 }))
    .map(([value, edits]) =>
      edits.reduce((v, [at, kind, pick]) => {
        const all = paths(v)
        return mutate(v, all[at % all.length] as (string | number)[], kind, pick)
      }, value),
    )
}
