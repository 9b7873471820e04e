import { describe, expect, it } from 'vitest'
import { type Config, configSchema } from '../schema/config'
import type { Survey } from '../schema/survey'
import { createTargetingState } from './createTargetingState'
import { DAY_MS } from './dayMs'
import { evaluate } from './evaluate'
import { recordCompleted } from './recordCompleted'
import { recordDismissed } from './recordDismissed'
import { recordEvent } from './recordEvent'
import { recordPageView } from './recordPageView'
import { recordShown } from './recordShown'
import type { Signal, TargetingConfig, TargetingState } from './types'

// The authoring example of DESIGN.md, trimmed of texts: the names in it are the contract.
const example: Config = configSchema.parse({
  settings: { cooldownDays: 14, maxPromptsPerSession: 1 },
  surveys: [
    {
      id: 'nps-q4',
      version: 3,
      kind: 'nps',
      locale: 'en',
      questions: [{ id: 'score', type: 'nps', text: 'How likely…?' }],
      trigger: { event: 'report_exported', where: { rows: { gte: 100 } }, delaySeconds: 2 },
      audience: {
        traits: [{ key: 'plan', op: 'in', value: ['pro', 'business'] }],
        events: [{ name: 'report_exported', count: { gte: 3 } }],
        pageViews: { gte: 3 },
        device: ['desktop', 'mobile'],
        locales: ['en', 'fr'],
        url: { prefix: '/reports' },
        sample: 0.9,
      },
      frequency: { recontactDays: 90, maxDisplays: 2, dismissCooldownDays: 14 },
      schedule: { start: '2026-11-01T00:00:00Z', end: '2026-12-31T23:59:59Z' },
    },
    {
      id: 'csat-ticket',
      version: 1,
      kind: 'csat',
      questions: [{ id: 'csat', type: 'rating', scale: 5, text: 'How satisfied…?' }],
      trigger: { event: 'ticket_closed' },
    },
    {
      id: 'ces-export',
      version: 1,
      kind: 'ces',
      questions: [{ id: 'effort', type: 'ces', text: 'Acme made it easy…' }],
      trigger: { event: 'export_finished' },
    },
  ],
  tours: [
    {
      id: 'welcome',
      version: 1,
      trigger: { page: { prefix: '/app' } },
      frequency: { once: true },
      steps: [{ id: 'new', target: '#new-report', title: 'Create a report' }],
    },
  ],
})

const NOW = Date.parse('2026-11-15T10:00:00Z')
const exported: Signal = { type: 'event', name: 'report_exported', properties: { rows: 1200 } }

// A pro user on /reports after three exports and three page views: due for nps-q4.
function buildState(): TargetingState {
  let state = createTargetingState({
    anonymousId: 'anon-1',
    sessionId: 's1',
    now: NOW - 600_000,
    userId: 'u_42',
    traits: { plan: 'pro' },
    device: 'desktop',
    locale: 'fr-CA',
  })
  for (const url of ['/app', '/reports', '/reports/17']) state = recordPageView(state, url)
  for (let i = 0; i < 3; i++) state = recordEvent(state, 'report_exported')
  return state
}

const ids = (result: ReturnType<typeof evaluate>) => result.eligible.map((item) => item.id)
const reasons = (result: ReturnType<typeof evaluate>) =>
  Object.fromEntries(result.skipped.map((skip) => [skip.id, skip.reason]))

describe('evaluate', () => {
  it('makes the DESIGN example NPS due after the third big export', () => {
    const result = evaluate(example, buildState(), exported, NOW)
    expect(result.eligible).toEqual([{ kind: 'survey', id: 'nps-q4', delaySeconds: 2 }])
    expect(reasons(result)).toEqual({
      'csat-ticket': 'trigger',
      'ces-export': 'trigger',
      welcome: 'trigger',
    })
  })

  it.each<[string, (state: TargetingState) => TargetingState, Signal, number, string]>([
    ['a small export', (s) => s, { ...exported, properties: { rows: 10 } }, NOW, 'trigger'],
    ['before the campaign', (s) => s, exported, Date.parse('2026-10-01T00:00:00Z'), 'schedule'],
    [
      'a free plan',
      (s) => ({ ...s, user: { ...s.user, traits: { plan: 'free' } } }),
      exported,
      NOW,
      'audience.traits',
    ],
    [
      'two exports',
      (s) => ({ ...s, eventCounts: { report_exported: 2 } }),
      exported,
      NOW,
      'audience.events',
    ],
    [
      'two page views',
      (s) => ({ ...s, session: { ...s.session, pageViews: 2 } }),
      exported,
      NOW,
      'audience.pageViews',
    ],
    ['a tablet', (s) => ({ ...s, device: 'tablet' }), exported, NOW, 'audience.device'],
    ['German', (s) => ({ ...s, locale: 'de-DE' }), exported, NOW, 'audience.locale'],
    ['another page', (s) => ({ ...s, page: { url: '/settings' } }), exported, NOW, 'audience.url'],
    [
      'a user outside the sample',
      // u_12 lands at 0.97 for nps-q4, above its 0.9 sample.
      (s) => ({ ...s, user: { ...s.user, id: 'u_12' } }),
      exported,
      NOW,
      'audience.sample',
    ],
    [
      'shown last week',
      (s) =>
        recordShown(
          { ...s, session: { ...s.session, startedAt: 0 } },
          'survey',
          'nps-q4',
          NOW - 7 * DAY_MS,
        ),
      exported,
      NOW,
      'frequency.recontact',
    ],
    [
      'shown twice already',
      (s) => ({
        ...s,
        history: { 'survey:nps-q4': { shown: 2, lastShownAt: NOW - 200 * DAY_MS } },
      }),
      exported,
      NOW,
      'frequency.maxDisplays',
    ],
    [
      'dismissed long ago but within its cooldown',
      (s) => ({
        ...s,
        history: {
          'survey:nps-q4': {
            shown: 1,
            lastShownAt: NOW - 100 * DAY_MS,
            lastDismissedAt: NOW - 10 * DAY_MS,
          },
        },
      }),
      exported,
      NOW,
      'frequency.dismissCooldown',
    ],
    [
      'another survey last week',
      (s) => ({ ...s, lastPromptAt: NOW - 7 * DAY_MS }),
      exported,
      NOW,
      'global.cooldown',
    ],
    [
      'a prompt already this session',
      (s) => ({ ...s, session: { ...s.session, prompts: 1 } }),
      exported,
      NOW,
      'global.sessionCap',
    ],
  ])('skips nps-q4 for %s', (_, change, signal, now, reason) => {
    const result = evaluate(example, change(buildState()), signal, now)
    expect(ids(result)).toEqual([])
    expect(reasons(result)['nps-q4']).toBe(reason)
  })

  it('shows the welcome tour once, whatever the survey cooldown', () => {
    const state = {
      ...buildState(),
      lastPromptAt: NOW - DAY_MS,
      session: { ...buildState().session, prompts: 1 },
    }
    const page: Signal = { type: 'page', url: 'https://acme.com/app/reports' }
    expect(evaluate(example, state, page, NOW).eligible).toEqual([
      { kind: 'tour', id: 'welcome', delaySeconds: 0 },
    ])
    const seen = recordCompleted(recordShown(state, 'tour', 'welcome', NOW), 'tour', 'welcome', NOW)
    expect(reasons(evaluate(example, seen, page, NOW)).welcome).toBe('frequency.once')
  })

  it('does not show a survey completed without recontactDays again', () => {
    const state = recordCompleted(
      recordShown(buildState(), 'survey', 'csat-ticket', 0),
      'survey',
      'csat-ticket',
      0,
    )
    const result = evaluate(example, state, { type: 'event', name: 'ticket_closed' }, NOW)
    expect(reasons(result)['csat-ticket']).toBe('frequency.completed')
  })

  it('does not bring back a dismissed survey in the same session', () => {
    const shown = recordShown(buildState(), 'survey', 'csat-ticket', NOW - 1000)
    const state = {
      ...recordDismissed(shown, 'survey', 'csat-ticket', NOW - 500),
      lastPromptAt: undefined,
    }
    const closed: Signal = { type: 'event', name: 'ticket_closed' }
    const free = { ...state, session: { ...state.session, prompts: 0 } }
    expect(reasons(evaluate(example, free, closed, NOW))['csat-ticket']).toBe(
      'frequency.dismissCooldown',
    )
  })

  it('sorts by priority, then config order, surveys before tours', () => {
    const survey = (id: string, priority?: number): Survey => ({
      id,
      version: 1,
      kind: 'custom',
      priority,
      questions: [{ id: 'q', type: 'text', text: '?' }],
      trigger: { exitIntent: true },
    })
    const config: TargetingConfig = {
      surveys: [survey('a'), survey('b', 5), survey('c'), survey('d', -1), survey('e', 5)],
      tours: [
        { id: 't', priority: 0, trigger: { exitIntent: true } },
        { id: 'u', priority: 9, trigger: { exitIntent: true } },
      ],
    }
    const result = evaluate(config, buildState(), { type: 'exitIntent' }, NOW)
    expect(ids(result)).toEqual(['u', 'b', 'e', 'a', 'c', 't', 'd'])
  })

  it('answers a manual signal for the one item asked for, with no delay and no trigger', () => {
    const state = buildState()
    const result = evaluate(example, state, { type: 'manual', kind: 'survey', id: 'nps-q4' }, NOW)
    expect(result.eligible).toEqual([{ kind: 'survey', id: 'nps-q4', delaySeconds: 0 }])
    expect(result.skipped).toHaveLength(3)
    const blocked = { ...state, device: 'tablet' as const }
    const refused = evaluate(
      example,
      blocked,
      { type: 'manual', kind: 'survey', id: 'nps-q4' },
      NOW,
    )
    expect(reasons(refused)['nps-q4']).toBe('audience.device')
    const wrongKind = evaluate(example, state, { type: 'manual', kind: 'tour', id: 'nps-q4' }, NOW)
    expect(wrongKind.eligible).toEqual([])
  })

  it('never makes an item without a trigger due on its own', () => {
    const config = { surveys: [{ id: 'api-only' }] }
    const state = buildState()
    for (const signal of [
      exported,
      { type: 'page', url: '/' },
      { type: 'exitIntent' },
    ] as Signal[]) {
      expect(evaluate(config, state, signal, NOW).skipped).toEqual([
        {
          kind: 'survey',
          id: 'api-only',
          reason: 'trigger',
          message: 'no trigger: shown only on request',
        },
      ])
    }
    expect(
      ids(evaluate(config, state, { type: 'manual', kind: 'survey', id: 'api-only' }, NOW)),
    ).toEqual(['api-only'])
  })

  it('handles an empty config', () => {
    expect(evaluate({}, buildState(), exported, NOW)).toEqual({ eligible: [], skipped: [] })
  })
})
