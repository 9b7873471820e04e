// Fills the collector with 90 days of realistic answers for the demo project, through its public
// API like any SDK would: NPS (improving over the quarter), CSAT after support tickets, CES after
// exports, across plans, devices, locales and app versions, with verbatims in four languages.
// Ids come from a seeded generator, so running it twice stores nothing twice.
// Run: pnpm exec tsx demo/seed.ts [collector URL] (default http://127.0.0.1:8787)
import type { SondeEvent } from '../packages/core/src/index'
import { npsBucket } from '../packages/core/src/index'

const endpoint = new URL('/v1/batch', process.argv[2] ?? 'http://127.0.0.1:8787')
const DAYS = 90
const now = Date.now()

// Mulberry32: small, fast, good enough for demo data, and the same sequence on every run.
let seed = 0x50de
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
}
const pick = <T>(items: readonly (readonly [T, number])[]): T => {
  let r = random() * items.reduce((sum, [, w]) => sum + w, 0)
  for (const [item, weight] of items) {
    r -= weight
    if (r < 0) return item
  }
  return items[items.length - 1]?.[0] as T
}
const id = () =>
  Array.from({ length: 4 }, () =>
    Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('-')

const VERBATIMS: Record<string, Record<string, string[]>> = {
  detractor: {
    en: [
      'Exports time out on big reports',
      'Too slow to load dashboards',
      'Pricing jumped without notice',
    ],
    fr: ['Les exports échouent sur les gros rapports', 'Trop lent au chargement'],
    ru: ['Экспорт больших отчётов падает', 'Слишком медленно'],
    ar: ['التصدير بطيء جدًا', 'الأسعار مرتفعة'],
  },
  passive: {
    en: ['Good, but I miss scheduled reports', 'Solid, the charts could be prettier'],
    fr: ['Bien, mais il manque les rapports planifiés'],
    ru: ['Неплохо, но не хватает расписаний'],
    ar: ['جيد لكن ينقصه جدولة التقارير'],
  },
  promoter: {
    en: [
      'The new export is blazing fast',
      'Support solved my issue in minutes',
      'Love the cohort view',
    ],
    fr: ['L’export est devenu ultra rapide', 'Le support est excellent'],
    ru: ['Отличная поддержка', 'Очень удобные когорты'],
    ar: ['الدعم ممتاز', 'أحب عرض المجموعات'],
  },
}

function context(at: number, plan: string, locale: string, path: string) {
  const device = pick([
    ['desktop', 70],
    ['mobile', 25],
    ['tablet', 5],
  ] as const)
  const version = at < now - 45 * 86_400_000 ? '2.2.4' : '2.3.1'
  const userId = `u_${Math.floor(random() * 400)}`
  return {
    page: {
      url: `http://localhost:5173${path}`,
      path,
      title: 'Acme Reports',
      timeOnPageMs: Math.floor(random() * 120_000),
      scrollDepth: Math.round(random() * 100) / 100,
    },
    locale,
    device,
    viewport: device === 'desktop' ? { w: 1440, h: 900 } : { w: 390, h: 844 },
    user: { id: userId, anonymousId: id(), known: true, traits: { plan } },
    session: {
      id: id(),
      durationMs: Math.floor(random() * 1_800_000),
      pageViews: 1 + Math.floor(random() * 12),
      events: {},
    },
    app: { version },
  }
}

type Kind = 'nps' | 'csat' | 'ces'

// Where each survey asks, and the share of its prompts answered: most prompts are closed
// unanswered, and a dashboard that said 99.8% answered would be no one's.
const SURVEYS = {
  nps: { id: 'nps-q4', path: '/app/reports', answered: 0.35 },
  csat: { id: 'csat-ticket', path: '/app/support', answered: 0.55 },
  ces: { id: 'ces-export', path: '/app/reports', answered: 0.45 },
}

function visitor() {
  const plan = pick([
    ['free', 40],
    ['pro', 45],
    ['business', 15],
  ] as const)
  const locale = pick([
    ['en', 50],
    ['fr', 20],
    ['ru', 15],
    ['ar', 10],
    ['de', 5],
  ] as const)
  return { plan, locale }
}

/** A prompt closed unanswered, with its close button or Escape. */
function dismissed(at: number, kind: Kind): SondeEvent[] {
  const { plan, locale } = visitor()
  const survey = SURVEYS[kind]
  return [
    {
      id: id(),
      type: 'survey.dismissed',
      at: new Date(at).toISOString(),
      surveyId: survey.id,
      surveyVersion: 1,
      responseId: id(),
      seq: 1,
      reason: pick([
        ['close', 80],
        ['escape', 20],
      ] as const),
      context: context(at, plan, locale, survey.path),
    },
  ]
}

function response(at: number, kind: Kind): SondeEvent[] {
  const { plan, locale } = visitor()
  const progress = (at - (now - DAYS * 86_400_000)) / (DAYS * 86_400_000)
  const responseId = id()
  const iso = new Date(at).toISOString()
  const base = { type: 'survey.completed' as const, at: iso, responseId, seq: 2 }
  if (kind === 'nps') {
    // Promoters grow from ~35% to ~55% over the quarter: a trend worth seeing.
    const r = random()
    const score =
      r < 0.35 + 0.2 * progress
        ? 9 + Math.round(random())
        : r < 0.75
          ? 7 + Math.round(random())
          : Math.floor(random() * 7)
    const bucket = npsBucket(score) ?? 'passive'
    const lang = locale === 'de' ? 'en' : locale
    const texts = VERBATIMS[bucket]?.[lang] ?? []
    const follow = bucket === 'detractor' ? 'improve' : bucket === 'passive' ? 'missing' : 'love'
    const answers: SondeEvent['answers'] = [{ questionId: 'score', value: score }]
    if (random() < 0.6 && texts.length > 0)
      answers.push({ questionId: follow, value: texts[Math.floor(random() * texts.length)] ?? '' })
    return [
      {
        ...base,
        id: id(),
        surveyId: SURVEYS.nps.id,
        surveyVersion: 1,
        answers,
        metric: { kind: 'nps', score, bucket },
        context: context(at, plan, locale, SURVEYS.nps.path),
      },
    ]
  }
  if (kind === 'csat') {
    const score = pick([
      [5, 40 + 15 * progress],
      [4, 30],
      [3, 15],
      [2, 8],
      [1, 5],
    ] as const)
    return [
      {
        ...base,
        id: id(),
        surveyId: SURVEYS.csat.id,
        surveyVersion: 1,
        answers: [{ questionId: 'csat', value: score }],
        metric: { kind: 'csat', score, scale: 5, satisfied: score >= 4 },
        context: context(at, plan, locale, SURVEYS.csat.path),
      },
    ]
  }
  const score = pick([
    [7, 20],
    [6, 25 + 10 * progress],
    [5, 20],
    [4, 15],
    [3, 10],
    [2, 6],
    [1, 4],
  ] as const)
  const answers: SondeEvent['answers'] = [{ questionId: 'effort', value: score }]
  if (score <= 4)
    answers.push({
      questionId: 'blocker',
      value: pick([
        ['speed', 3],
        ['format', 2],
        ['finding', 1],
      ] as const),
    })
  return [
    {
      ...base,
      id: id(),
      surveyId: SURVEYS.ces.id,
      surveyVersion: 1,
      answers,
      metric: { kind: 'ces', score, scale: 7, agree: score >= 5 },
      context: context(at, plan, locale, SURVEYS.ces.path),
    },
  ]
}

const events: SondeEvent[] = []
for (let day = DAYS; day >= 1; day--) {
  // Prompts shown that day, each answered or closed.
  const perDay = 20 + Math.floor(random() * 24)
  for (let i = 0; i < perDay; i++) {
    const at = now - day * 86_400_000 + Math.floor(random() * 86_400_000)
    const kind = pick<Kind>([
      ['nps', 50],
      ['csat', 30],
      ['ces', 20],
    ])
    events.push(...(random() < SURVEYS[kind].answered ? response(at, kind) : dismissed(at, kind)))
  }
}

let accepted = 0
const post = (batch: unknown) =>
  fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(batch),
  })
for (let i = 0; i < events.length; i += 50) {
  const batch = {
    schema: 'sonde.batch/1',
    batchId: id(),
    sentAt: new Date().toISOString(),
    key: 'pk_demo',
    sdk: { name: 'sonde-seed', version: '1' },
    events: events.slice(i, i + 50),
  }
  let reply = await post(batch)
  // The collector rate-limits each key; a seeder, like the SDK, waits as told.
  while (reply.status === 429) {
    await new Promise((r) => setTimeout(r, 1000 * Number(reply.headers.get('retry-after') ?? 1)))
    reply = await post(batch)
  }
  if (!reply.ok)
    throw new Error(`seed: ${endpoint} answered ${reply.status}: ${await reply.text()}`)
  accepted += ((await reply.json()) as { accepted: string[] }).accepted.length
}
const answered = events.filter((event) => event.type === 'survey.completed').length
console.error(
  `[seed] ${events.length} prompts over ${DAYS} days (${answered} answered) sent, ${accepted} accepted`,
)
