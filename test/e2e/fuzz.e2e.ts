import { expect, test } from '@playwright/test'
import fc from 'fast-check'
import { inOwnLocale } from '../../packages/core/scripts/definitions.arbitrary'
import { matchCount } from '../../packages/core/src/index'
import { receive, serveHost } from './host'

// Issue 6: whatever the config and whatever the host calls, in whatever order, Sonde never
// throws into the page, never leaves an error behind, and logs no error but its own reports of
// what it was given (a bad config, a throwing host callback): none from its internal guards.
// Each case is one `init` of the npm build (dist/esm) on a page, a random sequence of public
// calls and host actions, then `destroy`, which must leave no element behind. A fresh page every
// BATCH cases keeps the run short while still letting one instance's leftovers (a timer, a lock,
// a mount finishing late) hit the next one.

const CASES = 1_000
const BATCH = 100

// Small pools: random names would almost never hit each other (an event a trigger waits for, a
// survey id `show` asks for), and those meetings are where the wiring can go wrong.
const EVENTS = ['ticket_closed', 'report_exported', 'export_finished', 'signup', 'e']
const IDS = ['nps-q4', 'csat', 'ces', 's.1', 'welcome', 't:2']
const PATHS = ['/app', '/app/reports', '/app/reports/42', '/app/settings', '/pricing', '/app?q=1#h']
const LOCALES = ['en', 'fr', 'de', 'ar', 'ru', 'es', 'fr-CA', 'zh-Hant-TW', 'pt']
const SELECTORS = ['#new-report', '#search', '[data-tour=export]', '#missing', 'main', '::bad(']
const SONDE_EVENTS = [
  'survey:shown',
  'survey:answered',
  'survey:completed',
  'survey:dismissed',
  'tour:started',
  'tour:step',
  'tour:completed',
  'tour:dismissed',
  'delivery:queued',
  'delivery:sent',
  'delivery:dropped',
  'delivery:degraded',
]

type Json = unknown
type Obj = Record<string, Json>
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
/** An object whose keys are all optional: absent keys are left out, not set to undefined. */
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) =>
  fc.record(model, { requiredKeys: [] })

/** `arb` one time in `n`, else undefined: a rule that is there now and then, not half the time. */
const oneIn = <T>(n: number, arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb })
const compact = (o: Obj): Obj =>
  Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined))

const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.constantFrom('<img src=x onerror="throw 1">', 'مرحبا', '🙂'.repeat(40)),
  fc.dictionary(fc.constantFrom(...LOCALES), fc.string({ minLength: 1, maxLength: 20 }), {
    minKeys: 1,
    maxKeys: 3,
  }),
)
const scalar = fc.oneof(
  fc.integer({ min: -2, max: 12 }),
  fc.constantFrom('pro', 'free', '', 'x'),
  fc.boolean(),
  fc.constant(null),
)
// Bounds some count meets: the schema refuses those none can (swapped, a gap, a fraction).
const count = partial({
  eq: fc.nat(4),
  gt: fc.nat(4),
  gte: fc.nat(4),
  lt: fc.nat(4),
  lte: fc.nat(4),
}).filter((bounds) => [0, 1, 2, 3, 4, 5].some((n) => matchCount(bounds, n)))
const comparison = partial({
  eq: scalar,
  neq: scalar,
  in: fc.array(scalar, { minLength: 1, maxLength: 3 }),
  contains: fc.oneof(fc.string({ maxLength: 3 }), fc.nat(9)),
  gt: fc.integer({ min: -5, max: 2000 }),
  gte: fc.integer({ min: -5, max: 2000 }),
  lt: fc.integer({ min: -5, max: 2000 }),
  lte: fc.integer({ min: -5, max: 2000 }),
  exists: fc.boolean(),
})
const urlRule = fc.oneof(
  // A "#", or a "?" on a bare path, is refused in `exact` (rules see neither).
  fc.record({
    exact: fc.constantFrom(
      ...PATHS.filter((path) => !/[?#]/.test(path)),
      'http://127.0.0.1/app',
      'http://127.0.0.1/app?q=1',
    ),
  }),
  fc.record({ prefix: fc.constantFrom('/app', '/app/reports', '/', '/p') }),
  fc.record({ glob: fc.constantFrom('/app/*', '/app/**', '**', '/app/reports/*', 'http*://**') }),
  fc.record({ regex: fc.constantFrom('^/app', 'reports/\\d+$', '.*', '^/app/[^/]+$', '^$') }),
)
// Delays and page times are kept short: a case lasts tens of milliseconds.
const delay = partial({ delaySeconds: fc.constantFrom(0, 0.005, 0.02, 0.1, 5) })
const trigger = fc
  .oneof(
    fc.tuple(
      fc.record(
        {
          event: fc.constantFrom(...EVENTS),
          where: fc.dictionary(fc.constantFrom('rows', 'plan', 'n'), fc.oneof(scalar, comparison), {
            maxKeys: 2,
          }),
        },
        { requiredKeys: ['event'] },
      ),
      delay,
    ),
    fc.tuple(fc.record({ page: urlRule }), delay),
    fc.tuple(fc.record({ timeOnPageSeconds: fc.constantFrom(0, 0.01, 0.05) }), delay),
    fc.tuple(fc.record({ scrollPercent: fc.integer({ min: 0, max: 100 }) }), delay),
    fc.tuple(fc.record({ exitIntent: fc.constant(true as const) }), delay),
  )
  .map(([rule, extra]) => ({ ...rule, ...extra }))
const now = Date.now()
const day = 86_400_000
const isoDate = fc
  .constantFrom(-400, -1, -0.001, 0.001, 1, 400)
  .map((days) => new Date(now + days * day).toISOString())
// How often each rule is there: with every rule half the time, almost no one would be in the
// audience of anything, and the UI would hardly ever be reached.
const audience = fc
  .record({
    traits: oneIn(
      4,
      fc.array(
        // Each operator with a value of the type it compares (the schema refuses the others).
        fc
          .tuple(
            fc.constantFrom('plan', 'n', 'role'),
            fc.oneof(
              fc.record({ op: fc.constantFrom('eq', 'neq'), value: scalar }),
              fc.record({
                op: fc.constant('in'),
                value: fc.array(scalar, { minLength: 1, maxLength: 3 }),
              }),
              fc.record({
                op: fc.constant('contains'),
                value: fc.oneof(fc.string({ maxLength: 3 }), fc.nat(9)),
              }),
              fc.record({
                op: fc.constantFrom('gt', 'gte', 'lt', 'lte'),
                value: fc.integer({ min: -2, max: 12 }),
              }),
              fc.record(
                { op: fc.constant('exists'), value: fc.boolean() },
                { requiredKeys: ['op'] },
              ),
            ),
          )
          .map(([key, rule]) => ({ key, ...rule })),
        { maxLength: 2 },
      ),
    ),
    events: oneIn(
      4,
      fc.array(fc.record({ name: fc.constantFrom(...EVENTS), count }), { maxLength: 2 }),
    ),
    pageViews: oneIn(4, count),
    device: oneIn(4, fc.subarray(['desktop', 'mobile', 'tablet'], { minLength: 1 })),
    locales: oneIn(4, fc.subarray(LOCALES, { minLength: 1 })),
    url: oneIn(4, urlRule),
    known: oneIn(4, fc.boolean()),
    sample: oneIn(4, fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }))),
  })
  .map(compact)
const frequency = partial({
  once: fc.boolean(),
  recontactDays: fc.constantFrom(0, 0.000_01, 1, 30),
  maxDisplays: fc.integer({ min: 1, max: 3 }),
  dismissCooldownDays: fc.constantFrom(0, 0.000_01, 14),
  ignoreGlobalCooldown: fc.boolean(),
})
const TARGETING_KEYS = [
  'priority',
  'locale',
  'trigger',
  'audience',
  'frequency',
  'schedule',
] as const
const targeting = {
  priority: oneIn(2, fc.integer({ min: -2, max: 5 })),
  locale: oneIn(2, fc.constantFrom(...LOCALES)),
  trigger: fc.oneof({ weight: 4, arbitrary: trigger }, fc.constant(undefined)),
  audience: oneIn(3, audience),
  frequency: oneIn(2, frequency),
  // Never ending before it starts, which the schema refuses.
  schedule: oneIn(
    4,
    partial({ start: isoDate, end: isoDate }).map((range) =>
      range.start && range.end && range.end < range.start
        ? { start: range.end, end: range.start }
        : range,
    ),
  ),
}

/** Questions q0…qn whose `next` rules jump forward only, as the schema requires. */
const questions = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.tuple(
    ...Array.from({ length: n }, (_, i) => {
      const later = [...Array.from({ length: n - i - 1 }, (_, j) => `q${i + j + 1}`), 'end']
      // Conditions that can decide for the question's answers, as the schema requires: numbers
      // on scales (a bucket on NPS only), texts on text, option ids on a choice (o0 always exists).
      const next = (condition: Record<string, fc.Arbitrary<unknown>>) =>
        fc.array(
          fc.record(
            {
              if: partial({ ...condition, answered: fc.boolean() }),
              goto: fc.constantFrom(...later),
            },
            { requiredKeys: ['goto'] },
          ),
          { maxLength: 2 },
        )
      // Points every scale of the type has (a 1–3 rating, a 1–5 CES): none that no answer meets.
      const onScale = (min: number, max: number) => {
        const point = fc.integer({ min, max })
        return { eq: point, in: fc.array(point, { maxLength: 3 }), gte: point, lte: point }
      }
      const onStrings = (values: string[]) => ({
        eq: fc.constantFrom(...values),
        in: fc.array(fc.constantFrom(...values), { maxLength: 3 }),
      })
      const common = {
        text,
        description: text,
        optional: fc.boolean(),
      }
      const labels = { lowLabel: text, highLabel: text }
      const options = fc
        .integer({ min: 1, max: 5 })
        .chain((k) =>
          fc.tuple(
            ...Array.from({ length: k }, (_, o) =>
              fc.record({ id: fc.constant(`o${o}`), label: text }),
            ),
          ),
        )
      return fc
        .oneof(
          fc.record(
            {
              ...common,
              ...labels,
              next: next({
                ...onScale(0, 10),
                bucket: fc.constantFrom('detractor', 'passive', 'promoter'),
              }),
              type: fc.constant('nps'),
            },
            { requiredKeys: ['text', 'type'] },
          ),
          fc.record(
            {
              ...common,
              ...labels,
              next: next(onScale(1, 3)),
              type: fc.constant('rating'),
              scale: fc.constantFrom(3, 5, 7, 10),
              style: fc.constantFrom('numbers', 'stars', 'emoji'),
            },
            { requiredKeys: ['text', 'type', 'scale'] },
          ),
          fc.record(
            {
              ...common,
              ...labels,
              next: next(onScale(1, 5)),
              type: fc.constant('ces'),
              scale: fc.constantFrom(5, 7),
            },
            { requiredKeys: ['text', 'type'] },
          ),
          fc.record(
            {
              ...common,
              next: next(onStrings(['a', 'b'])),
              type: fc.constant('text'),
              maxLength: fc.integer({ min: 1, max: 2000 }),
              placeholder: text,
            },
            { requiredKeys: ['text', 'type'] },
          ),
          fc.record(
            {
              ...common,
              next: next(onStrings(['o0'])),
              type: fc.constant('choice'),
              multiple: fc.boolean(),
              other: fc.boolean(),
              options,
            },
            { requiredKeys: ['text', 'type', 'options'] },
          ),
        )
        .map((q) => ({ id: `q${i}`, ...q }))
    }),
  ),
)
const survey = fc
  .record(
    {
      id: fc.constantFrom(...IDS),
      version: fc.integer({ min: 1, max: 5 }),
      kind: fc.constantFrom('nps', 'csat', 'ces', 'custom'),
      questions,
      thankYou: text,
      display: partial({
        position: fc.constantFrom(
          'bottom-right',
          'bottom-left',
          'top-right',
          'top-left',
          'center',
          'bottom',
        ),
        dismissible: fc.boolean(),
      }),
      ...targeting,
    },
    { requiredKeys: ['id', 'version', 'kind', 'questions', ...TARGETING_KEYS] },
  )
  .map(compact)
  // A text map holds the item's own locale, or Sonde skips the item as invalid.
  .map(inOwnLocale)
  // A scored kind without its question type is refused: such a survey is a custom one here.
  .map((survey) => {
    const scored = { nps: 'nps', csat: 'rating', ces: 'ces' }[survey.kind as string]
    const questions = survey.questions as { type: string }[]
    return !scored || questions.some((q) => q.type === scored)
      ? survey
      : { ...survey, kind: 'custom' }
  })
const tour = fc
  .record(
    {
      id: fc.constantFrom(...IDS),
      version: fc.integer({ min: 1, max: 5 }),
      missingTarget: fc.record(
        {
          policy: fc.constantFrom('wait', 'skip', 'abort'),
          timeoutMs: fc.constantFrom(0, 10, 50, 300),
        },
        { requiredKeys: ['policy'] },
      ),
      steps: fc.integer({ min: 1, max: 3 }).chain((n) =>
        fc.tuple(
          ...Array.from({ length: n }, (_, i) =>
            fc
              .record(
                {
                  target: fc.constantFrom(...SELECTORS),
                  title: text,
                  body: text,
                  placement: fc.constantFrom('auto', 'top', 'bottom-end', 'left-start', 'right'),
                  spotlight: fc.boolean(),
                  advanceOn: partial({ click: fc.boolean(), event: fc.constantFrom(...EVENTS) }),
                },
                { requiredKeys: ['title'] },
              )
              .map((step) => ({ id: `s${i}`, ...step })),
          ),
        ),
      ),
      ...targeting,
    },
    { requiredKeys: ['id', 'version', 'steps', ...TARGETING_KEYS] },
  )
  .map(compact)
  // A text map holds the item's own locale, or Sonde skips the item as invalid.
  .map(inOwnLocale)
const validConfig = partial({
  settings: partial({
    cooldownDays: fc.constantFrom(0, 0.000_01, 14),
    maxPromptsPerSession: fc.nat(3),
  }),
  // Unique ids: a duplicate is reported and skipped, which the invalid configs cover.
  surveys: fc.uniqueArray(survey, { maxLength: 4, selector: (s) => s.id }),
  tours: fc.uniqueArray(tour, { maxLength: 2, selector: (t) => t.id }),
})

/** Replaces the value found by walking `steps` (child picked by index) with `value`. */
function mutate(input: Json, steps: number[], value: Json): Json {
  const root = structuredClone(input) as Json
  let node = root
  for (const [depth, step] of steps.entries()) {
    if (typeof node !== 'object' || node === null) break
    const keys = Object.keys(node)
    const key = keys.length > 0 ? keys[step % keys.length] : 'extra'
    if (key === undefined) break
    const child = (node as Obj)[key]
    const last = depth === steps.length - 1
    if (last || typeof child !== 'object' || child === null) {
      ;(node as Obj)[key] = value
      break
    }
    node = child
  }
  return root
}
// Invalid configs: a valid one with one value somewhere replaced by any JSON, or not a config.
const invalidConfig = fc.oneof(
  fc
    .tuple(
      validConfig,
      fc.array(fc.nat(20), { minLength: 1, maxLength: 6 }),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(-1, 1e9, '', 'nps', [], {})),
    )
    .map(([config, steps, value]) => mutate(config, steps, value)),
  // Not a string: that is a remote config URL, whose 404 is the browser's to log, not ours.
  fc
    .oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, 42, []))
    .filter((value) => typeof value !== 'string'),
)

const options = fc.record(
  {
    endpoint: fc.oneof(
      { weight: 12, arbitrary: fc.constant('/v1/batch') },
      fc.constantFrom('', 'http://[', 'https://collect.example.com/v1/batch', 42),
    ),
    // Most cases get storage of their own (a first visit: nothing shown yet, so frequency and
    // cooldowns let prompts through); the others share theirs, like the pages of one site.
    key: fc.constantFrom('own', 'own', 'own', 'pk_shared'),
    config: fc.oneof({ weight: 5, arbitrary: validConfig }, invalidConfig),
    user: partial({
      id: fc.constantFrom('u_1', 'u_2', ''),
      traits: fc.dictionary(fc.constantFrom('plan', 'n', 'role'), scalar, { maxKeys: 3 }),
    }),
    locale: fc.constantFrom(...LOCALES, 'bad_tag!'),
    consent: fc.constantFrom('granted', 'granted', 'pending', 'denied'),
    theme: partial({
      accent: fc.constantFrom('#4f46e5', 'red', 'not a colour;}'),
      colorScheme: fc.constantFrom('auto', 'light', 'dark'),
      radius: fc.integer({ min: 0, max: 48 }),
      position: fc.constantFrom('bottom-right', 'center', 'top-left', 'bottom'),
    }),
    redact: fc.record({ query: fc.subarray(['q', 'utm_source']) }),
    debug: fc.boolean(),
    appVersion: fc.constantFrom('2.3.1', ''),
    // Functions cannot cross into the page: the page turns these names into them.
    beforeSend: fc.constantFrom('keep', 'drop', 'throw', 'garbage'),
    context: fc.oneof(
      fc.constantFrom('fn', 'throw'),
      fc.record({ app: fc.record({ version: fc.constant('9') }) }),
    ),
  },
  { requiredKeys: ['endpoint', 'config'] },
)

const anything = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined))
const call = fc.oneof(
  fc.tuple(
    fc.constant('identify'),
    fc.oneof(fc.constantFrom('u_1', 'u_2'), anything),
    opt(fc.dictionary(fc.constantFrom('plan', 'n'), scalar)),
  ),
  {
    weight: 6,
    arbitrary: fc.tuple(
      fc.constant('track'),
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...EVENTS) }, fc.string(), anything),
      fc.oneof(fc.dictionary(fc.constantFrom('rows', 'plan', 'n'), scalar), anything),
    ),
  },
  fc.tuple(fc.constant('page'), fc.constantFrom(...PATHS), fc.boolean()),
  {
    weight: 3,
    arbitrary: fc.tuple(
      fc.constant('show'),
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...IDS) }, anything),
    ),
  },
  fc.tuple(
    fc.constant('startTour'),
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...IDS) }, anything),
  ),
  fc.tuple(
    fc.constant('canShow'),
    fc.oneof(fc.constantFrom(...IDS), anything),
    fc.constantFrom('survey', 'tour', undefined, 'x'),
  ),
  fc.tuple(
    fc.constant('on'),
    fc.constantFrom(...SONDE_EVENTS, 'nope'),
    fc.constantFrom('ok', 'throw', 'not a function'),
  ),
  fc.tuple(fc.constant('off'), fc.constantFrom(...SONDE_EVENTS, 'nope')),
  fc.tuple(fc.constant('flush'), fc.boolean()),
  fc.tuple(fc.constant('optIn')),
  fc.tuple(fc.constant('optOut')),
  fc.tuple(fc.constant('reset')),
  fc.tuple(fc.constant('destroy')),
  { weight: 3, arbitrary: fc.tuple(fc.constant('wait'), fc.constantFrom(0, 1, 10, 30)) },
  { weight: 3, arbitrary: fc.tuple(fc.constant('interact'), fc.nat(30)) },
  fc.tuple(fc.constant('key'), fc.constantFrom('Escape', 'Enter', ' ', 'ArrowRight', 'Tab')),
  fc.tuple(fc.constant('scroll'), fc.nat(3000)),
  fc.tuple(fc.constant('exit')),
  fc.tuple(fc.constant('dom')),
)
// `settle`: the calls start once Sonde has loaded its stored state and config (else they queue
// up behind them); `linger`: how long the last of them may run before `destroy`.
const fuzzCase = fc.record({
  options,
  settle: fc.constantFrom(true, true, false),
  calls: fc.array(call, { maxLength: 14 }),
  linger: fc.constantFrom(0, 15, 50),
})
type Case = { options: Obj; settle: boolean; calls: [string, ...Json[]][]; linger: number }

// Cases found by earlier runs, run first every time: `track` with null properties against a
// `where` filter (it threw inside Sonde and the event evaluated nothing), `identify` with null
// traits.
const EDGES: Case[] = [
  {
    options: {
      endpoint: '/v1/batch',
      key: 'own',
      config: {
        surveys: [
          {
            id: 'csat',
            version: 1,
            kind: 'csat',
            questions: [{ id: 'q0', type: 'rating', scale: 5, text: 'How was it?' }],
            trigger: { event: 'ticket_closed', where: { rows: { gte: 1 } } },
          },
        ],
      },
    },
    settle: true,
    calls: [
      ['identify', 'u_1', null],
      ['track', 'ticket_closed', null],
      ['track', 'ticket_closed', { rows: 2 }],
      ['wait', 40],
    ],
    linger: 80,
  },
]

const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fuzz</title></head>
<body><main><h1>Reports</h1><label>Search <input id="search"></label>
<button id="new-report" type="button">New report</button>
<button data-tour="export" type="button">Export CSV</button>
<div style="height:3000px"></div></main></body></html>`

/** What one case showed from inside the page; `shown` counts the prompts and tours it put up. */
type Outcome = { breaches: string[]; valid: boolean; shown: number }

/**
 * Runs a batch of cases in the page, one after the other, and returns what each showed from the
 * inside: a method that threw or returned the wrong shape, an element left after `destroy`, an
 * error or rejection reaching the page while the case ran. (Playwright's own `pageerror` and
 * console listeners watch too, outside.) Self-contained: it is serialized into the page.
 */
async function runBatch(cases: Case[]): Promise<Outcome[]> {
  type Method = (...args: unknown[]) => unknown
  type Name = 'identify' | 'track' | 'page' | 'show' | 'startTour' | 'canShow' | 'on' | 'off'
  type Api = Record<Name | 'flush' | 'optIn' | 'optOut' | 'reset' | 'destroy', Method>
  const { init } = (await import('/sdk/esm/index.js' as string)) as { init(o: unknown): Api }
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  const outcomes: Outcome[] = []
  // Late trouble (a flush resolving, a mount finishing after destroy) lands on the case that is
  // running when it happens, which is the best attribution there is.
  let current: Outcome = { breaches: [], valid: false, shown: 0 }
  const report = (what: string) => current.breaches.push(what)
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeName === 'SONDE-ROOT') current.shown++
      }
    }
  }).observe(document.body, { childList: true })
  window.addEventListener('error', (e) => report(`error: ${e.message}`))
  window.addEventListener('unhandledrejection', (e) => report(`unhandled rejection: ${e.reason}`))
  const fns: Record<string, unknown> = {
    keep: (e: unknown) => e,
    drop: () => null,
    throw: () => {
      throw new Error('host function threw')
    },
    garbage: () => 42,
    fn: () => ({ plan: 'pro' }),
  }
  const newReport = () => Object.assign(document.createElement('button'), { id: 'new-report' })
  // Warm-up: a survey, then a tour, brought up and taken down, so that the UI chunks are loaded
  // and the cases' prompts can appear within their short lives.
  for (const method of ['show', 'startTour'] as const) {
    const warm = init({
      endpoint: '/v1/batch',
      key: 'pk_warmup',
      config: {
        surveys: [
          { id: 'w', version: 1, kind: 'custom', questions: [{ id: 'q', type: 'nps', text: 'W' }] },
        ],
        tours: [{ id: 'w', version: 1, steps: [{ id: 's', title: 'W' }] }],
      },
    })
    warm[method]('w')
    for (let waited = 0; !document.querySelector('sonde-root') && waited < 5_000; waited += 10) {
      await sleep(10)
    }
    warm.destroy()
  }

  for (const [index, { options, settle, calls, linger }] of cases.entries()) {
    current = { breaches: [], valid: true, shown: 0 }
    outcomes.push(current)
    const outcome = current
    if (!document.querySelector('#new-report')) document.querySelector('main')?.prepend(newReport())
    const opts: Record<string, unknown> = { ...options }
    if (opts.key === 'own') opts.key = `pk_${Date.now().toString(36)}_${index}`
    for (const name of ['beforeSend', 'context'] as const) {
      const value = opts[name]
      if (typeof value === 'string') opts[name] = fns[value]
    }
    // Whether init accepted the options and config: a valid case logs nothing as it starts.
    const logError = console.error
    console.error = (...args: unknown[]) => {
      outcome.valid = false
      logError.apply(console, args)
    }
    let sonde: Api
    try {
      sonde = init(opts)
    } catch (error) {
      report(`init threw: ${error}`)
      continue
    } finally {
      console.error = logError
    }
    const handlers: Record<string, unknown[]> = {}
    for (let waited = 0; settle && waited < 1_000; waited += 5) {
      const check = sonde.canShow('') as { reason?: string }
      if (check.reason !== 'loading') break
      await sleep(5)
    }
    for (const [method, ...args] of calls) {
      try {
        switch (method) {
          case 'page': {
            history.pushState(null, '', args[0] as string)
            if (args[1]) sonde.page()
            break
          }
          case 'on': {
            const handler =
              args[1] === 'ok'
                ? () => {}
                : args[1] === 'throw'
                  ? () => {
                      throw new Error('host listener threw')
                    }
                  : args[1]
            const list = handlers[args[0] as string] ?? []
            handlers[args[0] as string] = [...list, handler]
            const off = sonde.on(args[0], handler)
            if (typeof off !== 'function') report('on() did not return a function')
            break
          }
          case 'off':
            sonde.off(args[0], handlers[args[0] as string]?.pop())
            break
          case 'canShow': {
            const verdict = sonde.canShow(...args) as { ok?: unknown; reason?: unknown }
            if (
              typeof verdict?.ok !== 'boolean' ||
              (!verdict.ok && typeof verdict.reason !== 'string')
            )
              report(`canShow returned ${JSON.stringify(verdict)}`)
            break
          }
          case 'flush': {
            const done = (sonde.flush() as Promise<{ sent: unknown; pending: unknown }>).then(
              (result) => {
                if (typeof result?.sent !== 'number' || typeof result.pending !== 'number')
                  outcome.breaches.push(`flush resolved to ${JSON.stringify(result)}`)
              },
              (error) => void outcome.breaches.push(`flush rejected: ${error}`),
            )
            if (args[0]) await done
            break
          }
          case 'wait':
            await sleep(args[0] as number)
            break
          case 'interact': {
            const controls = Array.from(document.querySelectorAll('sonde-root')).flatMap((root) =>
              Array.from(
                root.shadowRoot?.querySelectorAll<HTMLElement>(
                  'button, [role=radio], input, textarea',
                ) ?? [],
              ),
            )
            const el = controls[(args[0] as number) % Math.max(1, controls.length)]
            if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
              el.focus()
              el.value = 'because'
              el.dispatchEvent(new Event('input', { bubbles: true, composed: true }))
            } else el?.click()
            break
          }
          case 'key': {
            const root = document.querySelector('sonde-root')?.shadowRoot
            const target =
              root?.activeElement ?? root?.querySelector('button, [role=radio]') ?? document.body
            const init = { key: args[0] as string, bubbles: true, composed: true }
            target.dispatchEvent(new KeyboardEvent('keydown', init))
            target.dispatchEvent(new KeyboardEvent('keyup', init))
            break
          }
          case 'scroll':
            window.scrollTo(0, args[0] as number)
            break
          case 'exit':
            document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, bubbles: true }))
            break
          case 'dom': {
            const button = document.querySelector('#new-report')
            if (button) button.remove()
            else document.querySelector('main')?.prepend(newReport())
            break
          }
          default: {
            const result = sonde[method as keyof Api](...args)
            if (result !== undefined) report(`${method} returned ${String(result)}`)
          }
        }
      } catch (error) {
        report(`${method} threw: ${error}`)
      }
    }
    await sleep(linger)
    try {
      sonde.destroy()
    } catch (error) {
      report(`destroy threw: ${error}`)
    }
    // Whatever was loading or waiting when destroy came must not appear afterwards (what shows
    // up later than this is caught by the next case, or by the end of the batch).
    await sleep(5)
    const left = document.querySelectorAll('sonde-root')
    if (left.length > 0) report(`${left.length} sonde-root left after destroy`)
    for (const el of Array.from(left)) el.remove()
    history.replaceState(null, '', '/app')
  }
  await sleep(300)
  const late = document.querySelectorAll('sonde-root').length
  if (late > 0) report(`${late} sonde-root appeared after destroy`)
  return outcomes
}

test('1,000 fast-check-generated configs and call sequences produce no page error', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.stack ?? error.message}`))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    // Sonde's own errors are expected (bad configs, throwing host callbacks), except those of
    // its guards: an exception caught inside Sonde, or a valid survey that failed to show.
    const internal = /^\[sonde\] (internal error|could not show)/.test(text)
    if (internal || !text.startsWith('[sonde]')) errors.push(`console.error: ${text}`)
  })
  await receive(page)
  await serveHost(page, HOST, '/app')
  // A failure names its seed and case: SONDE_FUZZ_SEED=… replays the same cases.
  const seed = Number(process.env.SONDE_FUZZ_SEED ?? Date.now() % 2 ** 31)
  const cases = [
    ...EDGES,
    ...(fc.sample(fuzzCase, { numRuns: CASES - EDGES.length, seed }) as Case[]),
  ]
  const started = Date.now()
  let valid = 0
  let shown = 0
  for (let first = 0; first < cases.length; first += BATCH) {
    await page.goto('/app')
    // Each batch starts from empty storage, so that one batch's opt-out or display history
    // does not hide everything from the next.
    await page.evaluate(async () => {
      localStorage.clear()
      for (const { name } of await indexedDB.databases()) if (name) indexedDB.deleteDatabase(name)
    })
    const batch = cases.slice(first, first + BATCH)
    const outcomes = await page.evaluate(runBatch, batch)
    const failed = outcomes.flatMap((outcome, i) =>
      outcome.breaches.length > 0 ? [{ case: first + i, breaches: outcome.breaches }] : [],
    )
    // Late trouble lands on the case after the one that caused it: both are shown.
    const at = (failed[0]?.case ?? first) - first
    const suspects = JSON.stringify(batch.slice(Math.max(0, at - 1), at + 1))
    const context = `seed ${seed}; the first failing case and the one before it: ${suspects}`
    expect(failed, context).toEqual([])
    expect(errors.splice(0), `cases ${first}–${first + BATCH - 1}, ${context}`).toEqual([])
    valid += outcomes.filter((outcome) => outcome.valid).length
    shown += outcomes.filter((outcome) => outcome.shown > 0).length
  }
  // Most cases must exercise a working Sonde, not the inert one a bad config gives, and many
  // must reach the UI: prompts and tours on screen are where the wiring is busiest.
  expect(valid, `valid cases of ${CASES} (seed ${seed})`).toBeGreaterThan(CASES * 0.6)
  expect(shown, `cases that showed something (seed ${seed})`).toBeGreaterThan(CASES * 0.04)
  const took = Date.now() - started
  console.log(`fuzz: ${CASES} cases, ${valid} valid, ${shown} showed something; ${took} ms`)
})
