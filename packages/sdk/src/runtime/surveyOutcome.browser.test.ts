import { createTargetingState, historyKey, type TargetingState } from '@sonde/core'
import { beforeEach, describe, expect, it } from 'vitest'
import { storeName } from '../delivery/storeName'
import type { FlowContext } from './flowContext'
import { surveyOutcome } from './surveyOutcome'

// What a survey's flow keeps of an answer or a dismissal in localStorage, for a next page whose
// display history lost the write (the page left at once: leaving.e2e.ts walks it in Chromium).
const endpoint = 'https://collect.test/outcome/v1/batch'
const key = `${storeName(endpoint)}:outcome`
const record = (id: string) => historyKey('survey', id)

function page(anonymousId = 'anon-1', consent = true) {
  const runtime = {
    state: createTargetingState({ anonymousId, sessionId: 's', now: 1 }) as TargetingState,
  }
  const ctx = {
    sending: { options: { endpoint }, runtime, delivery: () => (consent ? {} : null) },
    record: (reduce: (s: TargetingState) => TargetingState) => {
      runtime.state = reduce(runtime.state)
    },
  } as unknown as FlowContext
  return { ctx, runtime }
}

beforeEach(() => localStorage.removeItem(key))

describe('surveyOutcome', () => {
  it('gives the next page of the same visitor what its history lacks, once', () => {
    const before = page()
    surveyOutcome(before.ctx, 'nps').done('completedAt')
    const at = before.runtime.state.history[record('nps')]?.completedAt
    expect(at).toBeGreaterThan(0)
    const next = page()
    expect(surveyOutcome(next.ctx, 'nps').take(undefined)).toBe(true)
    expect(next.runtime.state.history[record('nps')]?.completedAt).toBe(at)
    // Stored since: nothing more to give, and nothing kept.
    expect(surveyOutcome(next.ctx, 'nps').take(undefined)).toBe(false)
    expect(localStorage.getItem(key)).toBeNull()
  })

  it('keeps a dismissal beside an answer, and other surveys apart', () => {
    const before = page()
    surveyOutcome(before.ctx, 'nps').done('completedAt')
    surveyOutcome(before.ctx, 'nps').done('lastDismissedAt')
    surveyOutcome(before.ctx, 'csat').done('lastDismissedAt')
    const next = page()
    expect(surveyOutcome(next.ctx, 'nps').take(undefined)).toBe(true)
    const nps = next.runtime.state.history[record('nps')]
    expect(nps?.completedAt).toBeGreaterThan(0)
    expect(nps?.lastDismissedAt).toBeGreaterThan(0)
    expect(next.runtime.state.history[record('csat')]).toBeUndefined()
    expect(surveyOutcome(next.ctx, 'csat').take(undefined)).toBe(true)
  })

  it('holds the survey back only as its frequency would have with the history whole', () => {
    const before = page()
    surveyOutcome(before.ctx, 'nps').done('completedAt')
    // Asked again once recontactDays are over, which count from the showing (stored before).
    expect(surveyOutcome(page().ctx, 'nps').take({ recontactDays: 0 })).toBe(false)
    surveyOutcome(before.ctx, 'csat').done('lastDismissedAt')
    expect(surveyOutcome(page().ctx, 'csat').take({ dismissCooldownDays: 0 })).toBe(false)
    expect(surveyOutcome(page().ctx, 'csat').take({ dismissCooldownDays: 1 })).toBe(true)
    // Without a cooldown a dismissal holds for its session: not for the next one.
    const nextSession = page()
    nextSession.runtime.state.session.startedAt = Date.now() + 1_000
    expect(surveyOutcome(nextSession.ctx, 'csat').take(undefined)).toBe(false)
    expect(surveyOutcome(page().ctx, 'csat').take(undefined)).toBe(true)
  })

  it("drops another visitor's (before a reset), and keeps nothing without consent", () => {
    surveyOutcome(page('anon-1').ctx, 'nps').done('completedAt')
    const other = page('anon-2')
    expect(surveyOutcome(other.ctx, 'nps').take(undefined)).toBe(false)
    expect(other.runtime.state.history[record('nps')]).toBeUndefined()
    expect(localStorage.getItem(key)).toBeNull()
    const denied = page('anon-1', false)
    surveyOutcome(denied.ctx, 'nps').done('completedAt')
    expect(denied.runtime.state.history[record('nps')]?.completedAt).toBeGreaterThan(0)
    expect(localStorage.getItem(key)).toBeNull()
  })

  it('reads a damaged or foreign value as nothing kept, and never throws', () => {
    for (const value of ['{', '5', 'null', '{"nps":7}', '{"nps":["anon-1","x"]}', '[1]']) {
      localStorage.setItem(key, value)
      const next = page()
      expect(surveyOutcome(next.ctx, 'nps').take(undefined)).toBe(false)
      expect(surveyOutcome(next.ctx, 'constructor').take(undefined)).toBe(false)
      surveyOutcome(next.ctx, 'nps').done('completedAt')
      expect(surveyOutcome(page().ctx, 'nps').take(undefined)).toBe(true)
    }
  })
})
