import { describe, expect, it } from 'vitest'
import { checkItem } from './checkItem'
import { compileItem } from './compileItem'
import { createTargetingState } from './createTargetingState'
import type { Targetable } from './types'

const NOW = Date.parse('2026-11-15T10:00:00Z')
const state = {
  ...createTargetingState({ anonymousId: 'a', sessionId: 's', now: NOW - 1000 }),
  history: { 'survey:x': { shown: 1, lastShownAt: NOW - 1000 } },
  lastPromptAt: NOW - 1000,
}

describe('checkItem', () => {
  it.each<[Targetable, string | null]>([
    [{ id: 'x' }, 'global.cooldown'],
    [{ id: 'x', frequency: { once: true } }, 'frequency.once'],
    [{ id: 'x', frequency: { once: true }, audience: { known: true } }, 'audience.known'],
    [
      {
        id: 'x',
        frequency: { once: true },
        audience: { known: true },
        schedule: { end: '2020-01-01T00:00:00Z' },
      },
      'schedule',
    ],
    [{ id: 'x', frequency: { ignoreGlobalCooldown: true } }, null],
  ])('reports the first failing rule of %j: %s', (item, reason) => {
    const verdict = checkItem(compileItem('survey', item), { cooldownDays: 1 }, state, NOW)
    expect(verdict.ok ? null : verdict.reason).toBe(reason)
  })
})
