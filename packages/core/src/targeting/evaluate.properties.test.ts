import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Count, Filter } from '../schema/condition'
import { configSchema } from '../schema/config'
import type { Trigger } from '../schema/trigger'
import { type UrlRule, urlRuleSchema } from '../schema/urlRule'
import { canShow } from './canShow'
import { evaluate } from './evaluate'
import { matchCount } from './matchCount'
import { matchTrigger } from './matchTrigger'
import type { DisplayRecord, ItemKind, Signal, TargetingState } from './types'

// Arbitraries that only produce schema-valid definitions; every config is checked against
// `configSchema` before use, so a drift between them and the schema fails loudly.

const ids = fc.constantFrom('nps-q4', 'csat', 'ces', 'welcome', 'a', 'b')
const names = fc.constantFrom('report_exported', 'ticket_closed', 'x', 'constructor')
const finite = fc.double({ noNaN: true, noDefaultInfinity: true })
const scalar = fc.oneof(fc.string(), finite, fc.boolean(), fc.constant(null))
// Bounds some count meets: the schema refuses those none can (swapped, a gap, a fraction).
const count: fc.Arbitrary<Count> = fc
  .record(
    { eq: fc.nat(9), gt: fc.nat(9), gte: fc.nat(9), lt: fc.nat(9), lte: fc.nat(9) },
    { requiredKeys: [] },
  )
  .filter((bounds) => Array.from({ length: 11 }, (_, n) => n).some((n) => matchCount(bounds, n)))
const filter: fc.Arbitrary<Filter> = fc.oneof(
  scalar,
  fc.record(
    {
      eq: scalar,
      neq: scalar,
      in: fc.array(scalar, { minLength: 1, maxLength: 3 }),
      contains: fc.oneof(fc.string(), finite),
      gt: finite,
      gte: finite,
      lt: finite,
      lte: finite,
      exists: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
)
const nonEmpty = fc.string({ minLength: 1, maxLength: 12 })
const isRegex = (source: string) => {
  try {
    new RegExp(source)
    return true
  } catch {
    return false
  }
}
// `exact` and `prefix` never hold a "#", nor a "?" on a bare path: the schema refuses them.
const literal = nonEmpty.filter((text) => !/[#?]/.test(text))
const urlRule: fc.Arbitrary<UrlRule> = fc
  .oneof(
    fc.record({
      exact: fc.oneof(literal, fc.constantFrom('/', '/app', 'https://acme.com/app?tab=1')),
    }),
    fc.record({
      prefix: fc.oneof(literal, fc.constantFrom('/app', '/reports', 'https://acme.com')),
    }),
    fc.record({
      glob: fc.oneof(nonEmpty, fc.constantFrom('/app/**', '/r/*/x?', 'https://*.acme.com/**')),
    }),
    fc.record({
      regex: fc.oneof(
        fc.constantFrom('^/reports/\\d+$', 'export', '^https?:\\/\\/acme\\.com/'),
        nonEmpty.filter(isRegex),
      ),
    }),
    // A regex or glob a crafted link would make backtrack for ever is refused as well.
  )
  .filter((rule) => urlRuleSchema.safeParse(rule).success)
const delay = { delaySeconds: fc.integer({ min: 0, max: 86_400 }) }
const trigger = fc.oneof(
  fc.record(
    {
      event: names,
      where: fc.dictionary(fc.constantFrom('rows', 'format'), filter, { maxKeys: 1 }),
      ...delay,
    },
    { requiredKeys: ['event'] },
  ),
  fc.record({ page: urlRule, ...delay }, { requiredKeys: ['page'] }),
  fc.record(
    { timeOnPageSeconds: fc.double({ min: 0, max: 600, noNaN: true }), ...delay },
    { requiredKeys: ['timeOnPageSeconds'] },
  ),
  fc.record(
    { scrollPercent: fc.double({ min: 0, max: 100, noNaN: true }), ...delay },
    { requiredKeys: ['scrollPercent'] },
  ),
  fc.record({ exitIntent: fc.constant(true as const), ...delay }, { requiredKeys: ['exitIntent'] }),
)
const locale = fc.constantFrom('en', 'fr', 'fr-CA', 'de', 'zh-Hant-TW')
const traitValue = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.anything({ maxDepth: 2 }),
)
// At most two rules of each kind of object, or nearly nothing would ever be eligible.
const fewOf = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc
    .tuple(arb, fc.subarray([0, 1, 2, 3, 4, 5, 6, 7], { maxLength: 2 }))
    .map(([value, keep]) =>
      Object.fromEntries(Object.entries(value).filter((_, i) => keep.includes(i))),
    ) as fc.Arbitrary<Partial<T>>
const audience = fewOf(
  fc.record({
    traits: fc.array(
      fc
        .tuple(
          fc.constantFrom('plan', 'seats', 'tags', 'toString', 'x'),
          fc.oneof(
            fc.record({ op: fc.constantFrom('eq' as const, 'neq' as const), value: scalar }),
            fc.record({
              op: fc.constant('in' as const),
              value: fc.array(scalar, { minLength: 1, maxLength: 3 }),
            }),
            fc.record({
              op: fc.constant('contains' as const),
              value: fc.oneof(fc.string(), finite),
            }),
            fc.record({ op: fc.constantFrom('gt', 'gte', 'lt', 'lte'), value: finite }),
            fc.record(
              { op: fc.constant('exists' as const), value: fc.boolean() },
              { requiredKeys: ['op'] },
            ),
          ),
        )
        .map(([key, rule]) => ({ key, ...rule })),
      { maxLength: 3 },
    ),
    events: fc.array(fc.record({ name: names, count }), { maxLength: 2 }),
    pageViews: count,
    device: fc.subarray(['desktop', 'mobile', 'tablet'] as const, { minLength: 1 }),
    locales: fc.array(locale, { minLength: 1, maxLength: 3 }),
    url: urlRule,
    known: fc.boolean(),
    sample: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
)
const days = fc.double({ min: 0, max: 400, noNaN: true })
const frequency = fewOf(
  fc.record({
    once: fc.boolean(),
    recontactDays: days,
    maxDisplays: fc.integer({ min: 1, max: 5 }),
    dismissCooldownDays: days,
    ignoreGlobalCooldown: fc.boolean(),
  }),
)
const isoDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(min), max: new Date(max), noInvalidDate: true })
    .map((date) => date.toISOString())
const targeting = {
  priority: fc.integer({ min: -3, max: 3 }),
  trigger,
  audience,
  frequency,
  schedule: fc
    .record(
      { start: isoDate('2024-01-01', '2026-06-01'), end: isoDate('2025-06-01', '2028-01-01') },
      { requiredKeys: [] },
    )
    // A schedule ending before it starts is refused by the schema.
    .map((schedule) =>
      schedule.start !== undefined && schedule.end !== undefined && schedule.end < schedule.start
        ? { start: schedule.end, end: schedule.start }
        : schedule,
    ),
}
const survey = fc.record(
  {
    id: ids,
    version: fc.integer({ min: 1, max: 9 }),
    // A scored kind needs its question type: this one question is an NPS one.
    kind: fc.constantFrom('nps', 'custom'),
    questions: fc.constant([{ id: 'score', type: 'nps', text: 'How likely…?' }]),
    ...targeting,
  },
  { requiredKeys: ['id', 'version', 'kind', 'questions'] },
)
const tour = fc.record(
  {
    id: ids,
    version: fc.integer({ min: 1, max: 9 }),
    steps: fc.constant([{ id: 's', title: 'Hi' }]),
    ...targeting,
  },
  { requiredKeys: ['id', 'version', 'steps'] },
)
const config = fc.record(
  {
    settings: fc.record(
      { cooldownDays: days, maxPromptsPerSession: fc.nat(3) },
      { requiredKeys: [] },
    ),
    surveys: fc.uniqueArray(survey, { selector: (s) => s.id, maxLength: 6 }),
    tours: fc.uniqueArray(tour, { selector: (t) => t.id, maxLength: 3 }),
  },
  { requiredKeys: ['surveys'] },
)

const time = fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2028-01-01') })
const record: fc.Arbitrary<DisplayRecord> = fc.record(
  { shown: fc.nat(5), lastShownAt: time, lastDismissedAt: time, completedAt: time },
  { requiredKeys: ['shown'] },
)
const kind = fc.constantFrom<ItemKind>('survey', 'tour')
const url = fc.oneof(
  fc.webUrl(),
  fc.string(),
  fc.constantFrom('/app', '/reports/17', 'https://acme.com/app'),
)
const state: fc.Arbitrary<TargetingState> = fc.record({
  user: fc.record(
    {
      id: fc.string(),
      anonymousId: fc.string(),
      known: fc.boolean(),
      traits: fc.dictionary(fc.constantFrom('plan', 'seats', 'tags', 'x'), traitValue),
    },
    { requiredKeys: ['anonymousId', 'known', 'traits'] },
  ),
  session: fc.record({
    id: fc.string(),
    startedAt: time,
    pageViews: fc.nat(9),
    prompts: fc.nat(3),
  }),
  eventCounts: fc.dictionary(names, fc.nat(9)),
  page: fc.record({ url }),
  device: fc.option(fc.constantFrom('desktop', 'mobile', 'tablet'), { nil: undefined }),
  locale: fc.option(fc.oneof(locale, fc.string()), { nil: undefined }),
  history: fc.dictionary(
    fc.tuple(kind, ids).map(([k, id]) => `${k}:${id}`),
    record,
    { maxKeys: 3 },
  ),
  lastPromptAt: fc.option(time, { nil: undefined }),
})
const signal: fc.Arbitrary<Signal> = fc.oneof(
  fc.record(
    {
      type: fc.constant('event' as const),
      name: names,
      properties: fc.dictionary(
        fc.oneof(fc.constantFrom('rows', 'format'), fc.string()),
        fc.anything(),
      ),
    },
    { requiredKeys: ['type', 'name'] },
  ),
  fc.record({ type: fc.constant('page' as const), url }),
  fc.record({
    type: fc.constant('timeOnPage' as const),
    seconds: fc.double({ min: 0, max: 900, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('scroll' as const),
    percent: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  fc.constant({ type: 'exitIntent' as const }),
  fc.record({ type: fc.constant('manual' as const), kind, id: ids }),
)
const validConfig = config.map((value) => {
  const parsed = configSchema.safeParse(value)
  if (!parsed.success) throw new Error(`arbitrary made an invalid config: ${parsed.error.message}`)
  return parsed.data
})

// A signal aimed at one item's trigger half of the time, so that the rules behind it run too.
function aimAt(trigger: Trigger | undefined, target: { kind: ItemKind; id: string }) {
  if (!trigger) return fc.constant<Signal>({ type: 'manual', ...target })
  if ('event' in trigger) {
    const properties = fc.record(
      { rows: fc.oneof(fc.nat(2000), scalar), format: scalar },
      { requiredKeys: [] },
    )
    return properties.map(
      (props): Signal => ({ type: 'event', name: trigger.event, properties: props }),
    )
  }
  if ('page' in trigger) return url.map((u): Signal => ({ type: 'page', url: u }))
  if ('timeOnPageSeconds' in trigger) {
    return fc.constant<Signal>({ type: 'timeOnPage', seconds: trigger.timeOnPageSeconds + 1 })
  }
  if ('scrollPercent' in trigger)
    return fc.constant<Signal>({ type: 'scroll', percent: trigger.scrollPercent })
  return fc.constant<Signal>({ type: 'exitIntent' })
}
const scenario = validConfig.chain((cfg) => {
  const targets = [
    ...(cfg.surveys ?? []).map((item) => ({ kind: 'survey' as const, item })),
    ...(cfg.tours ?? []).map((item) => ({ kind: 'tour' as const, item })),
  ]
  const aimed = targets.map(({ kind, item }) => aimAt(item.trigger, { kind, id: item.id }))
  return fc.tuple(fc.constant(cfg), state, aimed.length ? fc.oneof(signal, ...aimed) : signal, time)
})

describe('evaluate, for any schema-valid config', () => {
  it('never throws, and puts every item in exactly one list', () => {
    fc.assert(
      fc.property(scenario, ([cfg, st, sig, now]) => {
        const { eligible, skipped } = evaluate(cfg, st, sig, now)
        const keys = [...eligible, ...skipped].map((item) => `${item.kind}:${item.id}`).sort()
        const expected = [
          ...(cfg.surveys ?? []).map((s) => `survey:${s.id}`),
          ...(cfg.tours ?? []).map((t) => `tour:${t.id}`),
        ].sort()
        expect(keys).toEqual(expected)
      }),
      { numRuns: 500 },
    )
  })

  it('is deterministic, also across a fresh compilation of an equal config', () => {
    fc.assert(
      fc.property(scenario, ([cfg, st, sig, now]) => {
        const first = evaluate(cfg, st, sig, now)
        expect(evaluate(cfg, st, sig, now)).toEqual(first)
        const copy = configSchema.parse(cfg)
        expect(copy).not.toBe(cfg)
        expect(evaluate(copy, st, sig, now)).toEqual(first)
      }),
      { numRuns: 300 },
    )
  })

  it('agrees with matchTrigger and canShow, and sorts by priority', () => {
    fc.assert(
      fc.property(scenario, ([cfg, st, sig, now]) => {
        const { eligible, skipped } = evaluate(cfg, st, sig, now)
        const items = [
          ...(cfg.surveys ?? []).map((item) => ({ kind: 'survey' as const, item })),
          ...(cfg.tours ?? []).map((item) => ({ kind: 'tour' as const, item })),
        ]
        for (const { kind, item } of items) {
          const fired =
            sig.type === 'manual'
              ? sig.kind === kind && sig.id === item.id
              : matchTrigger(item.trigger, sig)
          const verdict = canShow({ kind, id: item.id }, cfg, st, now)
          const found = eligible.find((e) => e.kind === kind && e.id === item.id)
          const skip = skipped.find((s) => s.kind === kind && s.id === item.id)
          if (fired && verdict.ok) {
            const delay = sig.type === 'manual' ? 0 : (item.trigger?.delaySeconds ?? 0)
            expect(found).toEqual({ kind, id: item.id, delaySeconds: delay })
          } else {
            expect(skip?.reason).toBe(
              !fired ? 'trigger' : verdict.ok ? 'unreachable' : verdict.reason,
            )
          }
        }
        const priority = (e: { kind: ItemKind; id: string }) =>
          items.find(({ kind, item }) => kind === e.kind && item.id === e.id)?.item.priority ?? 0
        for (let i = 1; i < eligible.length; i++) {
          expect(priority(eligible[i - 1]!)).toBeGreaterThanOrEqual(priority(eligible[i]!))
        }
      }),
      { numRuns: 300 },
    )
  })
})
