import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import acme from '../../../../test/fixtures/acme.config.json'
import { describeError } from './parse'
import { parseConfig } from './parseConfig'

const nps = (id: string) => ({
  id,
  version: 1,
  kind: 'nps',
  questions: [{ id: 'q', type: 'nps', text: 't' }],
})

describe('parseConfig', () => {
  it('keeps every survey and tour of a valid config', () => {
    const { value, errors } = parseConfig(acme)
    expect(errors).toEqual([])
    expect(value.surveys?.map((s) => s.id)).toEqual(['nps-q4', 'csat-ticket', 'ces-export'])
    expect(value.tours?.map((t) => t.id)).toEqual(['welcome'])
    expect(value.settings).toEqual({ cooldownDays: 14, maxPromptsPerSession: 1 })
  })

  it('skips only the bad survey and says why', () => {
    const { value, errors } = parseConfig({
      surveys: [nps('a'), { ...nps('b'), kind: 'xyz' }, nps('c')],
    })
    expect(value.surveys?.map((s) => s.id)).toEqual(['a', 'c'])
    expect(errors.map(describeError)).toEqual([
      'surveys[1].kind: expected one of "nps", "csat", "ces", "custom", got "xyz"',
    ])
  })

  it.each([
    [{ surveys: [nps('a'), nps('a')] }, 'surveys[1].id: duplicate id "a"', ['a']],
    [{ surveys: 'x' }, 'surveys: expected array, got string', undefined],
    [{ surveys: [nps('a')], colour: 1 }, 'colour: unknown field', ['a']],
    [null, 'expected object, got null', undefined],
    [
      { settings: { cooldownDays: -1 }, surveys: [nps('a')] },
      'settings.cooldownDays: expected at least 0',
      ['a'],
    ],
  ])('%j → %s', (input, error, kept) => {
    const { value, errors } = parseConfig(input)
    expect(errors.map(describeError)).toContain(error)
    expect(value.surveys?.map((s) => s.id)).toEqual(kept)
  })

  // A project's cooldown and session cap are what keep prompts from nagging: one misspelt or bad
  // setting must not take the valid ones with it.
  it.each([
    [
      'a misspelt one',
      { cooldownDays: 14, maxPromptPerSession: 1 },
      { cooldownDays: 14 },
      'settings.maxPromptPerSession: unknown field (did you mean "maxPromptsPerSession"?)',
    ],
    [
      'a bad value',
      { cooldownDays: 14, maxPromptsPerSession: -1 },
      { cooldownDays: 14 },
      'settings.maxPromptsPerSession: expected at least 0',
    ],
    [
      'two bad values',
      { cooldownDays: 'x', maxPromptsPerSession: 1.5 },
      undefined,
      'settings.cooldownDays: expected number, got string',
    ],
  ])('keeps the valid settings beside %s', (_, settings, kept, error) => {
    const { value, errors } = parseConfig({ settings, surveys: [nps('a')] })
    expect(errors.map(describeError)).toContain(error)
    expect(value.settings).toEqual(kept)
    expect(value.surveys?.map((s) => s.id)).toEqual(['a'])
  })

  it('returns a value and a list of errors for any JSON, never an exception', () => {
    const anySurvey = fc.oneof(
      fc.jsonValue(),
      fc.constant(nps('x')),
      fc.record({ id: fc.string(), version: fc.integer() }),
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              surveys: fc.array(anySurvey),
              tours: fc.array(fc.jsonValue()),
              settings: fc.jsonValue(),
            },
            { requiredKeys: [] },
          ),
        ),
        (input) => {
          const result = parseConfig(input)
          expect(Array.isArray(result.errors)).toBe(true)
          expect(typeof result.value).toBe('object')
        },
      ),
      { numRuns: 500 },
    )
  })
})
