import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import acme from '../../../../test/fixtures/acme.config.json'
import { configSchema } from './config'
import { describeError, parse } from './parse'
import { questionSchema } from './question'

const survey = (patch: Record<string, unknown> = {}) => ({
  id: 's',
  version: 1,
  kind: 'nps',
  questions: [{ id: 'q', type: 'nps', text: 'How likely…?' }],
  ...patch,
})

describe('parse', () => {
  it('accepts the documented example config as is', () => {
    const result = parse(configSchema, acme)
    expect(result).toEqual({ ok: true, value: acme })
  })

  it.each([
    [
      'an unsupported rating scale',
      {
        surveys: [
          survey(),
          survey(),
          survey({ questions: [{ id: 'q', type: 'rating', scale: 4, text: 't' }] }),
        ],
      },
      'surveys[2].questions[0].scale: expected one of 3, 5, 7, 10, got 4',
    ],
    ['a wrong top-level type', 5, 'expected object, got number'],
    [
      'a missing field',
      { surveys: [survey({ version: undefined })] },
      'surveys[0].version: expected number, but it is missing',
    ],
    [
      'an unknown field',
      { surveys: [survey({ colour: 'red' })] },
      'surveys[0].colour: unknown field',
    ],
    [
      'an unknown question type',
      { surveys: [survey({ questions: [{ id: 'q', type: 'slider', text: 't' }] })] },
      'surveys[0].questions[0].type: expected one of "nps", "rating", "ces", "text", "choice", got "slider"',
    ],
    [
      'a sample above 1',
      { surveys: [survey({ audience: { sample: 1.5 } })] },
      'surveys[0].audience.sample: expected at most 1',
    ],
    [
      'an empty question list',
      { surveys: [survey({ questions: [] })] },
      'surveys[0].questions: expected at least 1 item',
    ],
    [
      'a wrong type in a trigger',
      { surveys: [survey({ trigger: { event: 7 } })] },
      'surveys[0].trigger.event: expected string, got number',
    ],
    // A number quoted in a property filter: the comparison is meant, not a bare value.
    [
      'a quoted number in a property filter',
      {
        surveys: [
          survey({ trigger: { event: 'report_exported', where: { rows: { gte: '100' } } } }),
        ],
      },
      'surveys[0].trigger.where.rows.gte: expected number, got string',
    ],
    [
      'a time on page past a day (browser timers fire at once past 24.8 days)',
      { surveys: [survey({ trigger: { timeOnPageSeconds: 30 * 86_400 } })] },
      'surveys[0].trigger.timeOnPageSeconds: expected at most 86400',
    ],
    [
      'an empty trigger',
      { surveys: [survey({ trigger: {} })] },
      'surveys[0].trigger: expected one of the fields event, page, timeOnPageSeconds, scrollPercent, exitIntent',
    ],
    // "On this event on that page" written as one trigger: the fix is to drop one, not to add.
    [
      'a trigger with two kinds at once',
      {
        surveys: [survey({ trigger: { event: 'report_exported', page: { prefix: '/reports' } } })],
      },
      'surveys[0].trigger: expected only one of the fields event, page',
    ],
    [
      'a URL rule with two kinds at once',
      { surveys: [survey({ audience: { url: { prefix: '/reports', glob: '/reports/*' } } })] },
      'surveys[0].audience.url: expected only one of the fields prefix, glob',
    ],
    // A trait rule whose value cannot serve its operator: never true, or true for the wrong
    // people (`eq` without a value holds for everyone who lacks the trait).
    [
      'a trait rule without its value',
      { surveys: [survey({ audience: { traits: [{ key: 'beta', op: 'eq' }] } })] },
      'surveys[0].audience.traits[0].value: expected string or number or boolean or null, but it is missing',
    ],
    [
      'a trait rule "in" a single value',
      { surveys: [survey({ audience: { traits: [{ key: 'plan', op: 'in', value: 'pro' }] } })] },
      'surveys[0].audience.traits[0].value: expected array, got string',
    ],
    [
      'a trait rule comparing a number with a string',
      { surveys: [survey({ audience: { traits: [{ key: 'seats', op: 'gte', value: '10' }] } })] },
      'surveys[0].audience.traits[0].value: expected number, got string',
    ],
    [
      'a trait rule with an unknown operator',
      {
        surveys: [survey({ audience: { traits: [{ key: 'plan', op: 'equals', value: 'pro' }] } })],
      },
      'surveys[0].audience.traits[0].op: expected one of "eq", "neq", "in", "contains", "gt", "gte", "lt", "lte", "exists", got "equals"',
    ],
    // Answers carry option ids: two options with one id could not be told apart in the results
    // (and tick together on screen), nor could an option "other" from the "other" answer.
    [
      'a choice with two options of one id',
      {
        surveys: [
          survey({
            questions: [
              {
                id: 'q',
                type: 'choice',
                text: 't',
                options: [
                  { id: 'speed', label: 'Speed' },
                  { id: 'speed', label: 'Price' },
                ],
              },
            ],
          }),
        ],
      },
      'surveys[0].questions[0].options[1].id: duplicate option id "speed"',
    ],
    [
      'a choice with an option "other" besides other: true',
      {
        surveys: [
          survey({
            questions: [
              {
                id: 'q',
                type: 'choice',
                text: 't',
                other: true,
                options: [{ id: 'other', label: 'Something else' }],
              },
            ],
          }),
        ],
      },
      'surveys[0].questions[0].options[0].id: expected an id other than "other" (other: true)',
    ],
    // An untranslated entry left empty, or a map with none: the prompt would ask nothing.
    [
      'an empty translation',
      {
        surveys: [
          survey({ questions: [{ id: 'q', type: 'nps', text: { en: 'How likely…?', fr: '' } }] }),
        ],
      },
      'surveys[0].questions[0].text.fr: expected a text, not an empty or blank one',
    ],
    [
      'a text map without any text',
      { surveys: [survey({ questions: [{ id: 'q', type: 'nps', text: {} }] })] },
      'surveys[0].questions[0].text: expected at least one locale',
    ],
    // Dates swapped, or a year mistyped: a campaign that can never be live.
    [
      'a schedule that ends before it starts',
      {
        surveys: [
          survey({ schedule: { start: '2026-12-01T00:00:00Z', end: '2026-01-31T23:59:59Z' } }),
        ],
      },
      'surveys[0].schedule.end: expected a time after start (2026-12-01T00:00:00Z)',
    ],
    // Bounds swapped, or a gap no whole number fits: an audience no one can ever be in.
    [
      'page views between swapped bounds',
      { surveys: [survey({ audience: { pageViews: { gte: 5, lte: 3 } } })] },
      'surveys[0].audience.pageViews: expected bounds a count (a whole number from 0) can meet',
    ],
    [
      'an event count between two neighbours',
      {
        surveys: [survey({ audience: { events: [{ name: 'export', count: { gt: 3, lt: 4 } }] } })],
      },
      'surveys[0].audience.events[0].count: expected bounds a count (a whole number from 0) can meet',
    ],
    [
      'an event count of a fraction',
      {
        tours: [
          {
            id: 't',
            version: 1,
            steps: [{ id: 's', target: '#a', title: 'T', body: 'B' }],
            audience: { events: [{ name: 'export', count: { eq: 2.5 } }] },
          },
        ],
      },
      'tours[0].audience.events[0].count: expected bounds a count (a whole number from 0) can meet',
    ],
    [
      'page views below zero',
      { surveys: [survey({ audience: { pageViews: { lt: 0 } } })] },
      'surveys[0].audience.pageViews: expected bounds a count (a whole number from 0) can meet',
    ],
    // An empty list holds for no one: the survey would never show, without a word.
    [
      'a trait rule "in" no value',
      { surveys: [survey({ audience: { traits: [{ key: 'plan', op: 'in', value: [] }] } })] },
      'surveys[0].audience.traits[0].value: expected at least 1 item',
    ],
    [
      'an audience of no device',
      { surveys: [survey({ audience: { device: [] } })] },
      'surveys[0].audience.device: expected at least 1 item',
    ],
    [
      'an audience of no locale',
      { surveys: [survey({ audience: { locales: [] } })] },
      'surveys[0].audience.locales: expected at least 1 item',
    ],
    [
      'a property filter "in" no value',
      { surveys: [survey({ trigger: { event: 'export', where: { format: { in: [] } } } })] },
      'surveys[0].trigger.where.format.in: expected at least 1 item',
    ],
    [
      'a text that is neither string nor map',
      { surveys: [survey({ questions: [{ id: 'q', type: 'nps', text: 3 }] })] },
      'surveys[0].questions[0].text: expected string or object, got number',
    ],
    [
      'a bad regex',
      { surveys: [survey({ trigger: { page: { regex: '(' } } })] },
      'surveys[0].trigger.page.regex: expected a valid regular expression',
    ],
    // location.href percent-encodes a path's non-ASCII characters (and hosts are punycode), so
    // a rule written as the address bar shows it could never match: said, not silently dead.
    [
      'a page rule with a non-ASCII path',
      { surveys: [survey({ trigger: { page: { prefix: '/café' } } })] },
      'surveys[0].trigger.page.prefix: expected non-ASCII characters percent-encoded, as browsers report URLs ("/caf%C3%A9" for "/café")',
    ],
    [
      'an audience URL rule with a non-ASCII path',
      { surveys: [survey({ audience: { url: { glob: '/статьи/*' } } })] },
      'surveys[0].audience.url.glob: expected non-ASCII characters percent-encoded, as browsers report URLs ("/caf%C3%A9" for "/café")',
    ],
    // A hash router's route, or a query on a bare path: never matched (a path has neither), or
    // matched on every route (the fragment is ignored), so the survey shows nowhere or everywhere.
    [
      'a page rule with a query on a bare path',
      { surveys: [survey({ trigger: { page: { exact: '/pricing?plan=pro' } } })] },
      'surveys[0].trigger.page.exact: expected no "#" (never seen), and "?" only after a scheme',
    ],
    [
      'a URL rule with a fragment',
      { surveys: [survey({ audience: { url: { prefix: 'https://app.example.com/#/reports' } } })] },
      'surveys[0].audience.url.prefix: expected no "#" (never seen), and "?" only after a scheme',
    ],
    [
      'a bad locale key',
      { surveys: [survey({ questions: [{ id: 'q', type: 'nps', text: { 'not a tag': 'x' } }] })] },
      'surveys[0].questions[0].text["not a tag"]: invalid key: expected a BCP 47 language tag such as "fr-CA"',
    ],
    [
      'a backward branch',
      {
        surveys: [
          survey({
            questions: [
              { id: 'a', type: 'nps', text: 't' },
              { id: 'b', type: 'text', text: 't', next: [{ goto: 'a' }] },
            ],
          }),
        ],
      },
      'surveys[0].questions[1].next[0].goto: expected a later question: "a" comes before "b"',
    ],
    [
      'a branch to its own question',
      {
        surveys: [
          survey({ questions: [{ id: 'a', type: 'nps', text: 't', next: [{ goto: 'a' }] }] }),
        ],
      },
      'surveys[0].questions[0].next[0].goto: expected a later question: "a" is this question',
    ],
    // The kind decides which question's answer is the score: without one, no score is counted.
    [
      'a CSAT survey without a rating question',
      {
        surveys: [
          survey({ kind: 'csat', questions: [{ id: 'q', type: 'ces', text: 'It was easy.' }] }),
        ],
      },
      'surveys[0].kind: expected a "rating" question for a csat survey, or kind "custom"',
    ],
    [
      'a branch to nowhere',
      {
        surveys: [
          survey({ questions: [{ id: 'a', type: 'nps', text: 't', next: [{ goto: 'zz' }] }] }),
        ],
      },
      'surveys[0].questions[0].next[0].goto: expected "end" or the id of a question, got "zz"',
    ],
    [
      'a duplicate question id',
      {
        surveys: [
          survey({
            questions: [
              { id: 'a', type: 'nps', text: 't' },
              { id: 'a', type: 'text', text: 't' },
            ],
          }),
        ],
      },
      'surveys[0].questions[1].id: duplicate question id "a"',
    ],
    // "end" is what a goto and the flow say for "no more questions": such a question is never asked.
    [
      'a question with the id "end"',
      {
        surveys: [
          survey({
            questions: [
              { id: 'score', type: 'nps', text: 't' },
              { id: 'end', type: 'text', text: 'How did your trial end?' },
            ],
          }),
        ],
      },
      'surveys[0].questions[1].id: expected an id other than "end", which ends the survey',
    ],
    // A condition that can never decide for its question's answers was accepted, and then sent
    // everyone down one branch, or no one.
    ...(
      [
        [
          'an NPS bucket on a 1–5 rating (every answer a "detractor")',
          { type: 'rating', scale: 5 },
          { bucket: 'detractor' },
          'bucket: expected no "bucket" on rating questions',
        ],
        [
          'a quoted number on an NPS question',
          { type: 'nps' },
          { eq: '10' },
          'eq: expected number, got string',
        ],
        [
          'a quoted number in "in" on a CES question',
          { type: 'ces' },
          { in: [1, '2'] },
          'in[1]: expected number, got string',
        ],
        // A scale shortened from 10 to 5 points, its rules kept: no answer can ever meet them.
        [
          'a comparison beyond the top of a 1–5 rating',
          { type: 'rating', scale: 5 },
          { gte: 9 },
          'gte: expected a value an answer (1–5) can meet, got 9',
        ],
        [
          'a point below a CES scale',
          { type: 'ces' },
          { eq: 0 },
          'eq: expected a value an answer (1–7) can meet, got 0',
        ],
        [
          'a point beyond NPS in "in"',
          { type: 'nps' },
          { in: [9, 11] },
          'in[1]: expected a value an answer (0–10) can meet, got 11',
        ],
        [
          'a comparison on a text question',
          { type: 'text' },
          { gte: 3 },
          'gte: expected no "gte" on text questions',
        ],
        [
          '"contains" on a rating',
          { type: 'rating', scale: 10 },
          { contains: '1' },
          'contains: expected no "contains" on rating questions',
        ],
        [
          'an option id the choice does not have',
          {
            type: 'choice',
            other: true,
            options: [
              { id: 'format', label: 'File format' },
              { id: 'speed', label: 'Speed' },
            ],
          },
          { neq: 'Speed' },
          'neq: expected one of "format", "speed", "other", got "Speed"',
        ],
      ] as const
    ).map(([what, question, condition, expected]): [string, unknown, string] => [
      what,
      {
        surveys: [
          survey({
            kind: 'custom',
            questions: [
              { id: 'a', text: 't', ...question, next: [{ if: condition, goto: 'b' }] },
              { id: 'b', type: 'text', text: 't' },
            ],
          }),
        ],
      },
      `surveys[0].questions[0].next[0].if.${expected}`,
    ]),
  ])('names the path of %s', (_, input, expected) => {
    const result = parse(configSchema, input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map(describeError)).toContain(expected)
  })

  it.each([
    { gte: 3 },
    { eq: 0 },
    { lt: 1 },
    { gt: 2.5, lt: 3.5 },
    { gte: 3, lte: 3 },
    { gt: 2, lte: 3 },
  ])('accepts the count %j, which a whole number meets', (count) => {
    const config = { surveys: [survey({ audience: { pageViews: count } })] }
    expect(parse(configSchema, config).ok).toBe(true)
  })

  it('reports every failing field, not only the first', () => {
    const result = parse(questionSchema, { id: '', type: 'rating', scale: 2, text: '' })
    expect(result.ok ? [] : result.errors.map((e) => e.path).sort()).toEqual([
      'id',
      'scale',
      'text',
    ])
  })

  it('never throws, even on inputs whose getters throw', () => {
    const hostile = Object.defineProperty({}, 'surveys', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    const result = parse(configSchema, hostile)
    expect(result).toEqual({
      ok: false,
      errors: [{ path: '', message: 'could not be read (boom)' }],
    })
  })

  it('yields a value or errors for arbitrary JSON, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ surveys: fc.array(fc.jsonValue()) })),
        (input) => {
          const result = parse(configSchema, input)
          if (result.ok) expect(result.value).toBeDefined()
          else expect(result.errors.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 500 },
    )
  })
})
