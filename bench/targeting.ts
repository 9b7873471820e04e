// Evaluates 500 varied surveys against one tracked event, the work `track()` does on every call.
// Budget (issue 2): median ≤ 1 ms on this machine. Run: pnpm exec tsx bench/targeting.ts
import type { Survey } from '../packages/core/src/schema/survey'
import {
  compileTargeting,
  createTargetingState,
  evaluate,
  recordEvent,
  recordPageView,
  recordShown,
  type Signal,
  startSession,
  type TargetingConfig,
} from '../packages/core/src/targeting/index'

const SURVEYS = 500
const WARM_UP = 500
const RUNS = 2000
const BUDGET_MS = 1

// A seeded generator, so every run measures the same config.
function createRandom(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const random = createRandom(42)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
const events = Array.from({ length: 24 }, (_, i) => `event_${i}`)

function buildTrigger(i: number): Survey['trigger'] {
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      // A fifth of all surveys listen to the benchmark's event, so the full rule path runs.
      return {
        event: 'report_exported',
        where: { rows: { gte: 100 }, format: pick(['csv', 'xlsx']) },
      }
    case 3:
    case 4:
      return { event: pick(events), where: { plan: { in: ['pro', 'team'] } }, delaySeconds: 2 }
    case 5:
      return { page: { glob: `/app/**/report-${i}/*` } }
    case 6:
      return { page: { regex: `^/reports/(\\d+)/v${i}$` } }
    case 7:
      return { timeOnPageSeconds: 30 + (i % 60) }
    case 8:
      return { scrollPercent: 50 }
    default:
      return { exitIntent: true }
  }
}

function buildSurvey(i: number): Survey {
  const survey: Survey = {
    id: `s-${i}`,
    version: 1,
    kind: pick(['nps', 'csat', 'ces'] as const),
    priority: Math.floor(random() * 5),
    questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend Acme?' }],
    trigger: buildTrigger(i),
    audience: {
      traits: [
        { key: 'plan', op: 'in', value: ['pro', 'business'] },
        { key: 'seats', op: 'gte', value: Math.floor(random() * 20) },
      ],
      events: [{ name: 'report_exported', count: { gte: Math.floor(random() * 6) } }],
      pageViews: { gte: Math.floor(random() * 4) },
      device: random() < 0.8 ? ['desktop', 'tablet'] : ['mobile'],
      locales: ['en', 'fr', 'de'],
      url: random() < 0.5 ? { prefix: '/reports' } : { regex: `^/reports/\\d+(/v${i % 7})?$` },
      sample: Math.round(random() * 100) / 100,
    },
    frequency: { recontactDays: 90, maxDisplays: 3, dismissCooldownDays: 14 },
    schedule: { start: '2026-01-01T00:00:00Z', end: '2027-12-31T23:59:59Z' },
  }
  return survey
}

const config: TargetingConfig = {
  settings: { cooldownDays: 14, maxPromptsPerSession: 2 },
  surveys: Array.from({ length: SURVEYS }, (_, i) => buildSurvey(i)),
}

const now = Date.parse('2026-11-15T10:00:00Z')
let state = createTargetingState({
  anonymousId: 'anon-7f3a',
  sessionId: 'sess-1',
  now: now - 600_000,
  userId: 'u_42',
  traits: { plan: 'pro', seats: 12, company: 'Acme' },
  device: 'desktop',
  locale: 'fr-CA',
})
for (let i = 0; i < 4; i++) state = recordEvent(state, 'report_exported')
// Some surveys were shown in an earlier session, so frequency rules have history to read.
for (let i = 0; i < SURVEYS; i += 7) {
  state = recordShown(state, 'survey', `s-${i}`, now - (i % 120) * 86_400_000)
}
state = startSession(state, 'sess-2', now - 300_000)
for (const url of ['/app', '/reports', '/reports/17']) state = recordPageView(state, url)
const signal: Signal = {
  type: 'event',
  name: 'report_exported',
  properties: { rows: 1200, format: 'csv' },
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN
}

const coldStart = performance.now()
compileTargeting(config)
const coldMs = performance.now() - coldStart

for (let i = 0; i < WARM_UP; i++) evaluate(config, state, signal, now)
const { eligible, skipped } = evaluate(config, state, signal, now)
const reasons = new Map<string, number>()
for (const skip of skipped) reasons.set(skip.reason, (reasons.get(skip.reason) ?? 0) + 1)
const times: number[] = []
for (let i = 0; i < RUNS; i++) {
  const start = performance.now()
  evaluate(config, state, signal, now)
  times.push(performance.now() - start)
}
times.sort((a, b) => a - b)
const median = percentile(times, 0.5)
const format = (ms: number) => `${(ms * 1000).toFixed(1)} µs`

console.log(`targeting: ${SURVEYS} surveys, one event, ${RUNS} runs after ${WARM_UP} warm-up`)
console.log(`  eligible          ${eligible.length}`)
console.log(`  skipped           ${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ')}`)
console.log(`  compile (once)    ${format(coldMs)}`)
console.log(`  median            ${format(median)}`)
console.log(`  p95               ${format(percentile(times, 0.95))}`)
console.log(`  max               ${format(times[times.length - 1] ?? Number.NaN)}`)
console.log(
  `  budget            ${format(BUDGET_MS)} median: ${median <= BUDGET_MS ? 'ok' : 'OVER'}`,
)
if (median > BUDGET_MS) process.exitCode = 1
