import { describe, expect, it } from 'vitest'
import { initOptionsSchema } from './initOptions'
import { describeError, parse } from './parse'
import { parseConfig } from './parseConfig'
import { closestField } from './unknownField'

// A misspelt field is told at its own path with the field the author most likely meant, so a
// product team writing JSON by hand fixes it at once.
const survey = (patch: Record<string, unknown> = {}, question: Record<string, unknown> = {}) => ({
  id: 's',
  version: 1,
  kind: 'nps',
  questions: [{ id: 'q', type: 'nps', text: 'How likely…?', ...question }],
  ...patch,
})
const tour = (step: Record<string, unknown>) => ({
  id: 't',
  version: 1,
  steps: [{ id: 's', title: 'Start here', ...step }],
})
const errorsOf = (config: unknown) => parseConfig(config).errors.map(describeError)

describe('an unknown field', () => {
  it.each([
    [
      'a top-level config key',
      { survey: [survey()] },
      ['survey: unknown field (did you mean "surveys"?)'],
    ],
    [
      'a survey key',
      { surveys: [survey({ frequncy: { maxDisplays: 1 } })] },
      ['surveys[0].frequncy: unknown field (did you mean "frequency"?)'],
    ],
    [
      'a question key',
      { surveys: [survey({}, { descripton: 'Be honest' })] },
      ['surveys[0].questions[0].descripton: unknown field (did you mean "description"?)'],
    ],
    [
      'a trigger key, in the form the parser chose',
      { surveys: [survey({ trigger: { event: 'report_exported', delaySecond: 5 } })] },
      ['surveys[0].trigger.delaySecond: unknown field (did you mean "delaySeconds"?)'],
    ],
    [
      'a trigger key no form takes, among the fields of every form',
      { surveys: [survey({ trigger: { evnt: 'report_exported' } })] },
      ['surveys[0].trigger.evnt: unknown field (did you mean "event"?)'],
    ],
    [
      'a tour step key (two letters swapped)',
      { tours: [tour({ titel: 'Start here' })] },
      ['tours[0].steps[0].titel: unknown field (did you mean "title"?)'],
    ],
    [
      'a case-only slip',
      { surveys: [survey({ Locale: 'fr' })] },
      ['surveys[0].Locale: unknown field (did you mean "locale"?)'],
    ],
    [
      'a setting',
      { settings: { maxPromptPerSession: 1 } },
      ['settings.maxPromptPerSession: unknown field (did you mean "maxPromptsPerSession"?)'],
    ],
    [
      'a field nothing is close to',
      { surveys: [survey({ colour: 'red' })] },
      ['surveys[0].colour: unknown field'],
    ],
    [
      'two of them, each at its path',
      { surveys: [survey({ colour: 'red', shedule: {} })] },
      [
        'surveys[0].colour: unknown field',
        'surveys[0].shedule: unknown field (did you mean "schedule"?)',
      ],
    ],
    [
      'a key that is no identifier',
      { surveys: [survey({ 'the kind': 'nps' })] },
      ['surveys[0]["the kind"]: unknown field'],
    ],
  ])('%s', (_, config, messages) => {
    expect(errorsOf(config)).toEqual(messages)
  })

  it('in the options of init', () => {
    const result = parse(initOptionsSchema, { endpont: '/v1/batch', endpoint: '/v1/batch' })
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'endpont', message: 'unknown field (did you mean "endpoint"?)' }],
    })
  })
})

describe('closestField', () => {
  const fields = ['id', 'type', 'text', 'locale', 'frequency', 'schedule']
  it.each([
    ['frequncy', 'frequency'], // a letter left out
    ['frequenccy', 'frequency'], // one too many
    ['tpye', 'type'], // two swapped
    ['freqeuncey', 'frequency'], // two slips
    ['Locale', 'locale'],
    ['LOCALE', 'locale'], // case only, however far by letters
    ['txt', 'text'],
    ['Id', 'id'],
    ['fqeuencyy', undefined], // three slips
    ['colour', undefined],
    ['x', undefined], // too short for any guess: "id" is two slips away, as is nearly everything
    ['ix', undefined],
    ['', undefined],
  ])('%j → %j', (key, meant) => {
    expect(closestField(key, fields)).toBe(meant)
  })

  // A remote config is anyone's JSON: a key of a million letters is judged at once.
  it('is quick on a key of any length', () => {
    const started = performance.now()
    expect(closestField(`frequency${'y'.repeat(1_000_000)}`, fields)).toBe(undefined)
    expect(performance.now() - started).toBeLessThan(200)
  })

  it('takes the nearest, then the first', () => {
    expect(closestField('tect', ['text', 'type', 'test'])).toBe('text')
    expect(closestField('texts', ['type', 'text'])).toBe('text')
  })
})
