import { describe, expect, it } from 'vitest'
import type { Audience } from '../schema/audience'
import { createTargetingState } from './createTargetingState'
import { inSample } from './inSample'
import { matchAudience } from './matchAudience'
import { recordEvent } from './recordEvent'
import { recordPageView } from './recordPageView'
import type { SkipReason, TargetingState } from './types'

let state: TargetingState = createTargetingState({
  anonymousId: 'anon-1',
  sessionId: 's1',
  now: 0,
  userId: 'u_42',
  traits: { plan: 'pro', seats: 12 },
  device: 'desktop',
  locale: 'fr-CA',
})
state = recordPageView(recordPageView(state, '/app'), '/reports/17')
state = recordEvent(recordEvent(recordEvent(state, 'report_exported'), 'report_exported'), 'x')
const anonymous: TargetingState = { ...state, user: { ...state.user, id: undefined, known: false } }

describe('matchAudience', () => {
  it.each<[string, Audience | undefined, SkipReason | null]>([
    ['no audience', undefined, null],
    ['an empty audience', {}, null],
    ['a trait in', { traits: [{ key: 'plan', op: 'in', value: ['pro', 'business'] }] }, null],
    ['a trait not in', { traits: [{ key: 'plan', op: 'in', value: ['free'] }] }, 'audience.traits'],
    [
      'every trait rule',
      {
        traits: [
          { key: 'seats', op: 'gte', value: 10 },
          { key: 'seats', op: 'lt', value: 12 },
        ],
      },
      'audience.traits',
    ],
    ['an event count', { events: [{ name: 'report_exported', count: { gte: 2 } }] }, null],
    [
      'an event count short',
      { events: [{ name: 'report_exported', count: { gte: 3 } }] },
      'audience.events',
    ],
    ['a never-seen event', { events: [{ name: 'never', count: { eq: 0 } }] }, null],
    ['an inherited name', { events: [{ name: 'constructor', count: { eq: 0 } }] }, null],
    ['page views', { pageViews: { gte: 2 } }, null],
    ['page views short', { pageViews: { gte: 3 } }, 'audience.pageViews'],
    ['a device', { device: ['desktop', 'tablet'] }, null],
    ['another device', { device: ['mobile'] }, 'audience.device'],
    ['a locale by language', { locales: ['en', 'fr'] }, null],
    ['a locale by region', { locales: ['fr-FR'] }, 'audience.locale'],
    ['a URL', { url: { prefix: '/reports' } }, null],
    ['another URL', { url: { glob: '/app/**' } }, 'audience.url'],
    ['known users', { known: true }, null],
    ['anonymous users', { known: false }, 'audience.known'],
    ['a full sample', { sample: 1 }, null],
    ['an empty sample', { sample: 0 }, 'audience.sample'],
    // u_42 lands at 0.871… for nps-q4 (pinned in sampleBucket.test).
    ['a sample that includes u_42', { sample: 0.9 }, null],
    ['a sample that excludes u_42', { sample: 0.8 }, 'audience.sample'],
    [
      'the first failing rule, in schema order',
      { traits: [{ key: 'plan', op: 'eq', value: 'free' }], device: ['mobile'], sample: 0 },
      'audience.traits',
    ],
  ])('checks %s', (_, audience, reason) => {
    const verdict = matchAudience(audience, state, 'nps-q4')
    expect(verdict.ok ? null : verdict.reason).toBe(reason)
    if (!verdict.ok) expect(verdict.message).not.toBe('')
  })

  it('fails device and locale rules when the state has none', () => {
    const bare = { ...state, device: undefined, locale: undefined }
    expect(matchAudience({ device: ['desktop'] }, bare, 'a')).toMatchObject({ ok: false })
    expect(matchAudience({ locales: ['en'] }, bare, 'a')).toMatchObject({ ok: false })
  })

  it.each([0.05, 0.2, 0.4, 0.6, 0.8, 0.95])(
    'samples at %d by user id when known, else by anonymous id',
    (sample) => {
      expect(matchAudience({ sample }, state, 'nps-q4').ok).toBe(inSample(sample, 'u_42', 'nps-q4'))
      expect(matchAudience({ sample }, anonymous, 'nps-q4').ok).toBe(
        inSample(sample, 'anon-1', 'nps-q4'),
      )
    },
  )

  it('explains a failure in words', () => {
    const verdict = matchAudience({ events: [{ name: 'e', count: { gte: 3, lt: 9 } }] }, state, 'a')
    expect(verdict).toEqual({
      ok: false,
      reason: 'audience.events',
      message: 'event "e" count is not ≥ 3 and < 9',
    })
  })
})
