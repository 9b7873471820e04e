import { randomUUID } from 'node:crypto'
import type { SondeEvent } from '@sonde/core'
import type { Project } from '../projects/project'

/** The projects every API test starts with. */
export const testProjects: Project[] = [
  {
    key: 'pk_test',
    readKey: 'rk_test_0123456789abcdef',
    name: 'Test',
    origins: ['https://app.example.com'],
    revoked: false,
  },
  { key: 'pk_open', readKey: 'rk_open_0123456789abcdef', origins: ['*'], revoked: false },
  { key: 'pk_revoked', readKey: 'rk_gone_0123456789abcdef', origins: ['*'], revoked: true },
]

/** The config of pk_test: one survey of each kind, in the authoring format of DESIGN.md. */
export const testConfig = {
  surveys: [
    {
      id: 'nps-q4',
      version: 3,
      kind: 'nps',
      locale: 'en',
      questions: [
        { id: 'score', type: 'nps', text: 'How likely are you to recommend Acme?' },
        { id: 'why', type: 'text', optional: true, text: 'Why?' },
      ],
    },
    {
      id: 'csat-ticket',
      version: 1,
      kind: 'csat',
      questions: [{ id: 'csat', type: 'rating', scale: 5, text: 'How satisfied are you?' }],
    },
    {
      id: 'ces-export',
      version: 1,
      kind: 'ces',
      questions: [
        { id: 'effort', type: 'ces', text: 'Acme made it easy to export.' },
        {
          id: 'blocker',
          type: 'choice',
          other: true,
          options: [{ id: 'format', label: 'File format' }],
          text: 'What got in the way?',
        },
      ],
    },
  ],
}

/** A wire event with sensible defaults: a completed NPS answer of 9. */
export function makeEvent(overrides: Partial<SondeEvent> = {}): SondeEvent {
  return {
    id: randomUUID(),
    type: 'survey.completed',
    at: '2026-11-02T10:00:00.000Z',
    surveyId: 'nps-q4',
    surveyVersion: 3,
    responseId: randomUUID(),
    seq: 2,
    answers: [{ questionId: 'score', value: 9 }],
    metric: { kind: 'nps', score: 9, bucket: 'promoter' },
    context: {
      page: { path: '/reports' },
      locale: 'fr-FR',
      device: 'desktop',
      user: { id: 'u_42', known: true, traits: { plan: 'pro' } },
      app: { version: '2.3.1' },
    },
    ...overrides,
  }
}

/** A batch envelope around events, for pk_test unless told otherwise. */
export function makeBatch(events: readonly unknown[], overrides: Record<string, unknown> = {}) {
  return {
    schema: 'sonde.batch/1',
    batchId: randomUUID(),
    // Sent now by a device whose clock is right: its events keep the times they carry.
    sentAt: new Date().toISOString(),
    key: 'pk_test',
    sdk: { name: 'sonde', version: '0.1.0' },
    dropped: 0,
    events,
    ...overrides,
  }
}

/** A completed NPS response with the given score and, optionally, a verbatim. */
export function npsEvent(score: number, extra: Partial<SondeEvent> = {}): SondeEvent {
  const bucket = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor'
  return makeEvent({
    answers: [{ questionId: 'score', value: score }],
    metric: { kind: 'nps', score, bucket },
    ...extra,
  })
}
