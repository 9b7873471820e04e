import { randomUUID } from 'node:crypto'
import { MAX_BATCH_EVENTS, metricFor, type SondeEvent, type UsageContext } from '@sonde/core'

const types = { nps: 'nps', csat: 'rating', ces: 'ces' } as const
type Kind = keyof typeof types
const kinds = Object.keys(types) as Kind[]
const scales: Record<Kind, number> = { nps: 10, csat: 5, ces: 7 }

/** The surveys the traffic answers, one per metric. */
export const trafficSurveyIds: Record<Kind, string> = {
  nps: 'nps-home',
  csat: 'csat-support',
  ces: 'ces-export',
}

/** Their config, in the authoring format: a scored question and a "why?". */
export const trafficConfig = {
  surveys: kinds.map((kind) => ({
    id: trafficSurveyIds[kind],
    version: 2,
    kind,
    questions: [
      {
        id: 'score',
        type: types[kind],
        text: 'Score?',
        ...(kind === 'nps' ? {} : { scale: scales[kind] }),
      },
      { id: 'why', type: 'text', optional: true, text: 'Why?' },
    ],
  })),
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T
const below = (n: number) => Math.floor(Math.random() * n)

// What the SDK attaches to every event: one user on one page, with traits and a session.
function usageContext(): UsageContext {
  const known = Math.random() < 0.7
  return {
    page: { path: pick(['/reports', '/reports/17', '/dashboard', '/export', '/']), title: 'Acme' },
    locale: pick(['en-US', 'en-GB', 'fr-FR', 'de-DE', 'es-ES', 'ja-JP', 'ar-EG', 'pt-BR']),
    timezone: 'Europe/Paris',
    device: pick(['desktop', 'desktop', 'desktop', 'mobile', 'tablet'] as const),
    viewport: { w: 1280, h: 800 },
    user: {
      id: known ? `u_${below(1e6)}` : null,
      anonymousId: randomUUID(),
      known,
      traits: { plan: pick(['free', 'pro', 'team', 'enterprise']), company: `c-${below(300)}` },
    },
    session: { id: randomUUID(), pageViews: 1 + below(20) },
    app: { version: pick(['2.3.0', '2.3.1', '2.4.0']) },
  }
}

// One response as the SDK reports it: shown, answered, then completed (with a "why?") or
// dismissed, scored with core's metricFor as the SDK does.
function responseEvents(): SondeEvent[] {
  const kind = pick(kinds)
  const score = kind === 'nps' ? below(11) : 1 + below(scales[kind])
  const metric = metricFor(kind, score, scales[kind]) ?? undefined
  const base = {
    surveyId: trafficSurveyIds[kind],
    surveyVersion: 2,
    responseId: randomUUID(),
    context: usageContext(),
  }
  const event = (type: SondeEvent['type'], seq: number, extra: Partial<SondeEvent> = {}) =>
    ({ id: randomUUID(), type, at: new Date().toISOString(), seq, ...base, ...extra }) as SondeEvent
  const answers = [{ questionId: 'score', value: score }]
  const why = { questionId: 'why', value: `Because of the exports (${below(1000)})` }
  return [
    event('survey.shown', 0),
    event('survey.answered', 1, { answers, metric }),
    Math.random() < 0.8
      ? event('survey.completed', 2, { answers: [...answers, why], metric })
      : event('survey.dismissed', 2, { reason: 'closed' }),
  ]
}

/**
 * An endless stream of request bodies for POST /v1/batch, as one busy tab would send them:
 * valid batches of `size` events in the order they happen, so responses straddle batches, with
 * a realistic usage context on every event.
 */
export function trafficBatches(key: string, size = MAX_BATCH_EVENTS): () => string {
  let queue: SondeEvent[] = []
  const sdk = { name: 'sonde', version: '0.1.0' }
  return () => {
    while (queue.length < size) queue.push(...responseEvents())
    const events = queue.slice(0, size)
    queue = queue.slice(size)
    const sentAt = new Date().toISOString()
    return JSON.stringify({
      schema: 'sonde.batch/1',
      batchId: randomUUID(),
      sentAt,
      key,
      sdk,
      events,
    })
  }
}
