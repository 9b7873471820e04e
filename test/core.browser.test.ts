import { describe, expect, it } from 'vitest'
import { configSchema, describeError, parse, parseConfig } from '../packages/core/src/index'
import acme from './fixtures/acme.config.json'

// Core must run unchanged in the browser it ships to, with no Node globals to lean on.
describe('core in Chromium', () => {
  it('runs without Node globals', () => {
    expect(typeof (globalThis as { process?: unknown }).process).toBe('undefined')
    expect(typeof window).toBe('object')
  })

  it('parses the documented config and names the path of each error', () => {
    expect(parse(configSchema, acme).ok).toBe(true)
    const broken = structuredClone(acme) as { surveys: { questions: { scale?: number }[] }[] }
    const question = broken.surveys[1]?.questions[0]
    if (question) question.scale = 4
    const { value, errors } = parseConfig(broken)
    expect(errors.map(describeError)).toEqual([
      'surveys[1].questions[0].scale: expected one of 3, 5, 7, 10, got 4',
    ])
    expect(value.surveys?.map((s) => s.id)).toEqual(['nps-q4', 'ces-export'])
  })

  it('names the field a misspelt one most likely meant', () => {
    const { errors } = parseConfig({ ...acme, surveys: [{ ...acme.surveys[0], Locale: 'en' }] })
    expect(errors.map(describeError)).toEqual([
      'surveys[0].Locale: unknown field (did you mean "locale"?)',
    ])
  })
})
