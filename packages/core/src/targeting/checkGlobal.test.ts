import { describe, expect, it } from 'vitest'
import type { Frequency, Settings } from '../schema/frequency'
import { checkGlobal } from './checkGlobal'
import { createTargetingState } from './createTargetingState'
import { DAY_MS } from './dayMs'
import type { ItemKind, SkipReason } from './types'

const NOW = Date.parse('2026-11-15T10:00:00Z')
const settings: Settings = { cooldownDays: 14, maxPromptsPerSession: 1 }

function check(
  kind: ItemKind,
  frequency: Frequency | undefined,
  config: Settings | undefined,
  prompts: number,
  lastPromptAgoDays: number | undefined,
) {
  const base = createTargetingState({ anonymousId: 'a', sessionId: 's', now: NOW - 1000 })
  const lastPromptAt =
    lastPromptAgoDays === undefined ? undefined : NOW - lastPromptAgoDays * DAY_MS
  const state = { ...base, session: { ...base.session, prompts }, lastPromptAt }
  return checkGlobal(kind, frequency, config, state, NOW)
}

describe('checkGlobal', () => {
  it.each<
    [
      string,
      ItemKind,
      Frequency | undefined,
      Settings | undefined,
      number,
      number | undefined,
      SkipReason | null,
    ]
  >([
    ['no settings', 'survey', undefined, undefined, 9, 0, null],
    ['no prompt yet', 'survey', undefined, settings, 0, undefined, null],
    ['within the cooldown', 'survey', undefined, { cooldownDays: 14 }, 0, 13.9, 'global.cooldown'],
    ['past the cooldown', 'survey', undefined, { cooldownDays: 14 }, 0, 14, null],
    ['cooldownDays 0', 'survey', undefined, { cooldownDays: 0 }, 0, 0, null],
    ['ignoring the cooldown', 'survey', { ignoreGlobalCooldown: true }, settings, 0, 1, null],
    [
      'at the session cap',
      'survey',
      undefined,
      { maxPromptsPerSession: 1 },
      1,
      undefined,
      'global.sessionCap',
    ],
    [
      'a cap of 0',
      'survey',
      undefined,
      { maxPromptsPerSession: 0 },
      0,
      undefined,
      'global.sessionCap',
    ],
    [
      'the cap is not a cooldown',
      'survey',
      { ignoreGlobalCooldown: true },
      settings,
      1,
      100,
      'global.sessionCap',
    ],
    ['cooldown before cap', 'survey', undefined, settings, 1, 1, 'global.cooldown'],
    ['a tour in the cooldown', 'tour', undefined, settings, 0, 1, null],
    ['a tour at the cap', 'tour', undefined, settings, 5, undefined, null],
  ])('%s', (_, kind, frequency, config, prompts, lastDays, reason) => {
    const verdict = check(kind, frequency, config, prompts, lastDays)
    expect(verdict.ok ? null : verdict.reason).toBe(reason)
  })
})
