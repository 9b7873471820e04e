import { describe, expect, it } from 'vitest'
import type { Frequency } from '../schema/frequency'
import { checkFrequency } from './checkFrequency'
import { createTargetingState } from './createTargetingState'
import { DAY_MS } from './dayMs'
import { historyKey } from './historyKey'
import type { DisplayRecord, SkipReason } from './types'

const NOW = Date.parse('2026-11-15T10:00:00Z')
const SESSION_START = NOW - 3_600_000
const ago = (days: number) => NOW - days * DAY_MS

function check(frequency: Frequency | undefined, record: DisplayRecord | undefined) {
  const base = createTargetingState({ anonymousId: 'a', sessionId: 's', now: SESSION_START })
  const history = record ? { [historyKey('survey', 'nps')]: record } : {}
  return checkFrequency(frequency, { ...base, history }, 'survey', 'nps', NOW)
}

describe('checkFrequency', () => {
  it.each<[string, Frequency | undefined, DisplayRecord | undefined, SkipReason | null]>([
    ['never shown', { once: true, maxDisplays: 1, recontactDays: 90 }, undefined, null],
    ['shown, no rules', undefined, { shown: 5, lastShownAt: ago(0) }, null],
    ['once, shown', { once: true }, { shown: 1, lastShownAt: ago(400) }, 'frequency.once'],
    ['once: false', { once: false }, { shown: 1, lastShownAt: ago(1) }, null],
    ['under maxDisplays', { maxDisplays: 2 }, { shown: 1, lastShownAt: ago(1) }, null],
    [
      'at maxDisplays',
      { maxDisplays: 2 },
      { shown: 2, lastShownAt: ago(400) },
      'frequency.maxDisplays',
    ],
    [
      'completed',
      undefined,
      { shown: 1, lastShownAt: ago(400), completedAt: ago(400) },
      'frequency.completed',
    ],
    [
      'completed, recontact due',
      { recontactDays: 90 },
      { shown: 1, lastShownAt: ago(90), completedAt: ago(90) },
      null,
    ],
    [
      'completed, recontact not due',
      { recontactDays: 90 },
      { shown: 1, lastShownAt: ago(89), completedAt: ago(89) },
      'frequency.recontact',
    ],
    [
      'recontact counts from the last show',
      { recontactDays: 7 },
      { shown: 3, lastShownAt: ago(6.9) },
      'frequency.recontact',
    ],
    [
      'recontactDays 0',
      { recontactDays: 0 },
      { shown: 3, lastShownAt: NOW, completedAt: NOW },
      null,
    ],
    [
      'dismissed this session, no cooldown set',
      undefined,
      { shown: 1, lastShownAt: SESSION_START, lastDismissedAt: SESSION_START },
      'frequency.dismissCooldown',
    ],
    [
      'dismissed in an earlier session, no cooldown set',
      undefined,
      { shown: 1, lastShownAt: ago(1), lastDismissedAt: ago(1) },
      null,
    ],
    [
      'dismissed within the cooldown',
      { dismissCooldownDays: 14 },
      { shown: 1, lastShownAt: ago(13), lastDismissedAt: ago(13) },
      'frequency.dismissCooldown',
    ],
    [
      'dismissed past the cooldown',
      { dismissCooldownDays: 14 },
      { shown: 1, lastShownAt: ago(14), lastDismissedAt: ago(14) },
      null,
    ],
    [
      'dismissCooldownDays 0',
      { dismissCooldownDays: 0 },
      { shown: 1, lastShownAt: NOW, lastDismissedAt: NOW },
      null,
    ],
    ['once before maxDisplays', { once: true, maxDisplays: 1 }, { shown: 1 }, 'frequency.once'],
  ])('%s', (_, frequency, record, reason) => {
    const verdict = check(frequency, record)
    expect(verdict.ok ? null : verdict.reason).toBe(reason)
  })

  it('says when the item may come back', () => {
    expect(check({ recontactDays: 1 }, { shown: 1, lastShownAt: NOW })).toEqual({
      ok: false,
      reason: 'frequency.recontact',
      message: 'shown 2026-11-15T10:00:00.000Z; again after 2026-11-16T10:00:00.000Z',
    })
  })

  it('reads history per kind', () => {
    const base = createTargetingState({ anonymousId: 'a', sessionId: 's', now: 0 })
    const state = { ...base, history: { [historyKey('tour', 'nps')]: { shown: 1 } } }
    expect(checkFrequency({ once: true }, state, 'survey', 'nps', NOW).ok).toBe(true)
    expect(checkFrequency({ once: true }, state, 'tour', 'nps', NOW).ok).toBe(false)
  })
})
