import { describe, expect, it } from 'vitest'
import { canShow } from './canShow'
import { createTargetingState } from './createTargetingState'
import { DAY_MS } from './dayMs'
import { recordShown } from './recordShown'
import type { ItemKind, SkipReason, TargetingConfig, TargetingState } from './types'

const NOW = Date.parse('2026-11-15T10:00:00Z')
const config: TargetingConfig = {
  settings: { cooldownDays: 14, maxPromptsPerSession: 1 },
  surveys: [
    // Its trigger never fires by itself here: canShow ignores triggers.
    { id: 'nps', trigger: { event: 'never' }, audience: { device: ['desktop'] } },
    { id: 'late', schedule: { start: '2027-01-01T00:00:00Z' } },
    { id: 'vip', frequency: { ignoreGlobalCooldown: true } },
  ],
  tours: [{ id: 'welcome', frequency: { once: true } }],
}
const base: TargetingState = {
  ...createTargetingState({ anonymousId: 'a', sessionId: 's', now: NOW - 1000 }),
  device: 'desktop',
}

describe('canShow', () => {
  it.each<[string, ItemKind, string, TargetingState, SkipReason | null]>([
    ['a survey whose rules hold', 'survey', 'nps', base, null],
    ['an unknown id', 'survey', 'nope', base, 'unknown'],
    ['a tour id asked as a survey', 'survey', 'welcome', base, 'unknown'],
    [
      'a survey outside its audience',
      'survey',
      'nps',
      { ...base, device: 'mobile' },
      'audience.device',
    ],
    ['a survey before its schedule', 'survey', 'late', base, 'schedule'],
    [
      'a survey in the global cooldown',
      'survey',
      'nps',
      { ...base, lastPromptAt: NOW - DAY_MS },
      'global.cooldown',
    ],
    [
      'a survey that ignores the cooldown',
      'survey',
      'vip',
      { ...base, lastPromptAt: NOW - DAY_MS },
      null,
    ],
    [
      'a tour in the survey cooldown',
      'tour',
      'welcome',
      { ...base, lastPromptAt: NOW - DAY_MS },
      null,
    ],
    [
      'a tour already shown once',
      'tour',
      'welcome',
      recordShown(base, 'tour', 'welcome', NOW - 9),
      'frequency.once',
    ],
    [
      'a survey after this session’s prompt',
      'survey',
      'vip',
      recordShown(base, 'survey', 'nps', NOW - 9),
      'global.sessionCap',
    ],
  ])('answers for %s', (_, kind, id, state, reason) => {
    const verdict = canShow({ kind, id }, config, state, NOW)
    expect(verdict.ok ? null : verdict.reason).toBe(reason)
  })

  // An author whose tour is in their file but was refused by the schema reads where to look.
  it('names the missing item, and where an invalid one is told', () => {
    expect(canShow({ kind: 'tour', id: 'x' }, config, base, NOW)).toEqual({
      ok: false,
      reason: 'unknown',
      message: 'no tour with id "x" (an invalid one is left out: see the console error)',
    })
  })
})
