import * as z from 'zod/mini'
import { deviceSchema } from './audience'
import { intSchema } from './int'
import { tagged } from './tagged'

const isoDate = z.iso.datetime({ offset: true })
const count = intSchema.check(z.gte(0))

export const eventTypeSchema = z.literal([
  'survey.shown',
  'survey.answered',
  'survey.completed',
  'survey.dismissed',
  'tour.started',
  'tour.step',
  'tour.completed',
  'tour.dismissed',
])

/** One answer: a number for scales, a string for text, an option id or ids for choices. */
export const answerSchema = z.object({
  questionId: z.string(),
  value: z.union([z.number(), z.string(), z.array(z.string())]),
  other: z.optional(z.string()),
})

export const metricSchema = tagged('kind', [
  z.object({
    kind: z.literal('nps'),
    score: intSchema.check(z.gte(0), z.lte(10)),
    bucket: z.literal(['detractor', 'passive', 'promoter']),
  }),
  z.object({ kind: z.literal('csat'), score: intSchema, scale: intSchema, satisfied: z.boolean() }),
  z.object({ kind: z.literal('ces'), score: intSchema, scale: intSchema, agree: z.boolean() }),
])

// Every part is optional: under Global Privacy Control only page.path and locale are sent.
export const contextSchema = z.object({
  page: z.optional(
    z.object({
      url: z.optional(z.string()),
      path: z.optional(z.string()),
      title: z.optional(z.string()),
      referrer: z.optional(z.string()),
      timeOnPageMs: z.optional(z.number().check(z.gte(0))),
      scrollDepth: z.optional(z.number().check(z.gte(0), z.lte(1))),
    }),
  ),
  locale: z.optional(z.string()),
  timezone: z.optional(z.string()),
  device: z.optional(deviceSchema),
  viewport: z.optional(z.object({ w: count, h: count })),
  userAgent: z.optional(z.string()),
  user: z.optional(
    z.object({
      id: z.optional(z.nullable(z.string())),
      anonymousId: z.optional(z.string()),
      known: z.optional(z.boolean()),
      traits: z.optional(z.record(z.string(), z.unknown())),
    }),
  ),
  session: z.optional(
    z.object({
      id: z.optional(z.string()),
      startedAt: z.optional(isoDate),
      durationMs: z.optional(z.number().check(z.gte(0))),
      pageViews: z.optional(count),
      events: z.optional(z.record(z.string(), count)),
    }),
  ),
  app: z.optional(z.object({ version: z.optional(z.string()) })),
  custom: z.optional(z.record(z.string(), z.unknown())),
})

/** One event on the wire. `id` never changes across retries: it is the idempotency key. */
export const eventSchema = z.object({
  id: z.string().check(z.minLength(8), z.maxLength(64)),
  type: eventTypeSchema,
  at: isoDate,
  surveyId: z.optional(z.string()),
  surveyVersion: z.optional(intSchema),
  responseId: z.optional(z.string()),
  seq: z.optional(count),
  answers: z.optional(z.array(answerSchema)),
  metric: z.optional(metricSchema),
  tourId: z.optional(z.string()),
  tourVersion: z.optional(intSchema),
  stepId: z.optional(z.string()),
  stepIndex: z.optional(count),
  dwellMs: z.optional(z.number().check(z.gte(0))),
  reason: z.optional(z.string()),
  context: z.optional(contextSchema),
})

export type EventType = z.infer<typeof eventTypeSchema>
/** One answer: a number for scales, a string for text, an option id or ids for choices. */
export type Answer = z.infer<typeof answerSchema>
/**
 * A completed survey's score: NPS with its bucket, CSAT (`satisfied`: the top two boxes), CES
 * (`agree`: 5 to 7).
 */
export type WireMetric = z.infer<typeof metricSchema>
/** The usage context each event carries: page, engagement, device, locale, user, session, app. */
export type UsageContext = z.infer<typeof contextSchema>
/** One event as the wire carries it (a batch's `events`); `beforeSend` gets an `OutgoingEvent`. */
export type SondeEvent = z.infer<typeof eventSchema>

/**
 * An event as Sonde makes it, what `beforeSend` is given: testing its `type` narrows it to the
 * fields that type always has (a survey's response, a dismissal's `reason`, a tour step's
 * `stepId` and `dwellMs`). What the hook returns, and what reaches the wire, is a `SondeEvent`.
 */
export type OutgoingEvent = { id: string; at: string; context: UsageContext } & (
  | ({
      surveyId: string
      surveyVersion: number
      responseId: string
      seq: number
      answers?: Answer[]
    } & (
      | { type: 'survey.shown' }
      | { type: 'survey.answered' | 'survey.completed'; metric?: WireMetric }
      | { type: 'survey.dismissed'; metric?: WireMetric; reason: string }
    ))
  | ({ tourId: string; tourVersion: number } & (
      | { type: 'tour.started' }
      | { type: 'tour.step'; stepId: string; stepIndex: number; dwellMs: number }
      | { type: 'tour.completed'; dwellMs: number }
      | { type: 'tour.dismissed'; stepId: string; stepIndex: number; reason: string }
    ))
)
