import { describe, expect, it } from 'vitest'
import { describeError } from './parse'
import { parseConfig } from './parseConfig'

// The mistakes a product team makes writing a config, each told in one message naming where it
// is and what is expected, as the console (init, remote config) and the collector's log say it.
const survey = (patch: Record<string, unknown> = {}, question: Record<string, unknown> = {}) => ({
  id: 's',
  version: 1,
  kind: 'nps',
  questions: [{ id: 'q', type: 'nps', text: 'How likely…?', ...question }],
  ...patch,
})
const tour = (step: Record<string, unknown>, patch: Record<string, unknown> = {}) => ({
  id: 't',
  version: 1,
  steps: [{ id: 's', title: 'Start here', ...step }],
  ...patch,
})
const errorsOf = (config: unknown) => parseConfig(config).errors.map(describeError)

describe('an author mistake', () => {
  it.each([
    [
      'a typo in a field name',
      { surveys: [survey({ frequncy: { maxDisplays: 1 } })] },
      'surveys[0].frequncy: unknown field (did you mean "frequency"?)',
    ],
    [
      'an NPS question given a 1–5 scale',
      { surveys: [survey({}, { scale: 5 })] },
      'surveys[0].questions[0].scale: expected no scale: an nps question is 0–10 (type "rating" takes 3, 5, 7 or 10)',
    ],
    [
      'a branch to a question that does not exist',
      { surveys: [survey({}, { next: [{ goto: 'improve' }] })] },
      'surveys[0].questions[0].next[0].goto: expected "end" or the id of a question, got "improve"',
    ],
    [
      'a trigger of an unknown kind',
      { surveys: [survey({ trigger: { click: '#export' } })] },
      'surveys[0].trigger: expected one of the fields event, page, timeOnPageSeconds, scrollPercent, exitIntent',
    ],
    [
      'a URL rule with a bad regex',
      { surveys: [survey({ trigger: { page: { regex: '/reports/(' } } })] },
      'surveys[0].trigger.page.regex: expected a valid regular expression',
    ],
    [
      'a URL rule whose regex a crafted link makes backtrack for ever',
      { surveys: [survey({ trigger: { page: { regex: '^/docs/(\\w+-?)+$' } } })] },
      'surveys[0].trigger.page.regex: expected no repetition inside a repeated group, as "(a+)+" or "(-?a?)*": a crafted URL would freeze the page',
    ],
    [
      "a survey's audience URL regex with repeated alternatives that start alike",
      { surveys: [survey({ audience: { url: { regex: '^/(a|ab)*$' } } })] },
      'surveys[0].audience.url.regex: expected no alternatives starting alike in a repeated group, as "(a|ab)*": a crafted URL would freeze the page',
    ],
    [
      'a URL glob with three "**" before its end',
      { surveys: [survey({ audience: { url: { glob: '/**/orgs/**/billing/**/edit' } } })] },
      'surveys[0].audience.url.glob: expected at most two "**" before the end: a crafted URL would freeze the page',
    ],
    [
      "a tour's page regex with three unbounded repetitions",
      { tours: [tour({ target: '#a' }, { trigger: { page: { regex: '.*/a/.*/b' } } })] },
      'tours[0].trigger.page.regex: expected no third unbounded repetition, as ".*a.*b" (no "^" counts as one): a crafted URL would freeze the page',
    ],
    [
      'an empty question text',
      { surveys: [survey({}, { text: '' })] },
      'surveys[0].questions[0].text: expected a text, not an empty or blank one',
    ],
    [
      'a blank question text',
      { surveys: [survey({}, { text: { en: ' \n ' } })] },
      'surveys[0].questions[0].text.en: expected a text, not an empty or blank one',
    ],
    [
      "a text map without the survey's locale (the default, en)",
      { surveys: [survey({}, { text: { fr: 'Recommanderiez-vous Acme ?' } })] },
      `surveys[0].questions[0].text: expected a text in the survey's locale, "en", for other languages`,
    ],
    [
      "a text map without the survey's locale, in an option",
      {
        surveys: [
          survey(
            { kind: 'custom', locale: 'de' },
            {
              type: 'choice',
              text: { de: 'Was fehlt?', en: 'What is missing?' },
              options: [{ id: 'speed', label: { en: 'Speed' } }],
            },
          ),
        ],
      },
      `surveys[0].questions[0].options[0].label: expected a text in the survey's locale, "de", for other languages`,
    ],
    [
      "a text map without the tour's locale",
      { tours: [tour({ body: { fr: 'Commencez ici.' } }, { locale: 'en-GB' })] },
      `tours[0].steps[0].body: expected a text in the tour's locale, "en-GB", for other languages`,
    ],
    [
      'two tour steps of one id',
      { tours: [{ ...tour({}), steps: [tour({}).steps[0], { id: 's', title: 'Then here' }] }] },
      'tours[0].steps[1].id: duplicate step id "s"',
    ],
    [
      'an audience rule on an event of no name',
      { surveys: [survey({ audience: { events: [{ name: '', count: { gte: 1 } }] } })] },
      'surveys[0].audience.events[0].name: expected at least 1 character',
    ],
    [
      'a tour step advanced by an event of no name',
      { tours: [tour({ advanceOn: { event: '' } })] },
      'tours[0].steps[0].advanceOn.event: expected at least 1 character',
    ],
    // Written one level too high, beside the object it belongs in: "unknown field" alone left
    // the author to find where it goes.
    [
      'a delay written beside the trigger',
      { surveys: [survey({ trigger: { event: 'x' }, delaySeconds: 3 })] },
      'surveys[0].delaySeconds: unknown field here (it goes in "trigger")',
    ],
    [
      'a cap written beside the frequency',
      { surveys: [survey({ recontactDays: 30, position: 'center' })] },
      'surveys[0].recontactDays: unknown field here (it goes in "frequency")',
      'surveys[0].position: unknown field here (it goes in "display")',
    ],
    [
      'a step placement written on the tour',
      { tours: [tour({ target: '#a' }, { placement: 'top' })] },
      'tours[0].placement: unknown field here (it goes in "steps")',
    ],
    [
      'a schedule given a date without its time',
      { surveys: [survey({ schedule: { start: '2026-11-01' } })] },
      'surveys[0].schedule.start: expected a date, time and offset such as "2026-11-01T09:00:00Z"',
    ],
    [
      'a scale written as a string',
      { surveys: [survey({ kind: 'csat' }, { type: 'rating', scale: '5' })] },
      'surveys[0].questions[0].scale: expected one of 3, 5, 7, 10, got "5"',
    ],
    [
      'a question without its type',
      { surveys: [survey({ questions: [{ id: 'q', text: 'Why?' }] })] },
      'surveys[0].questions[0].type: expected one of "nps", "rating", "ces", "text", "choice", but it is missing',
    ],
  ])('%s: one message naming each', (_, config, ...messages) => {
    expect(errorsOf(config)).toEqual(messages)
  })

  // The survey's locale or its language: what resolveText falls back to.
  it.each([
    [{ locale: 'fr-CA' }, { fr: 'Bonjour' }],
    [{ locale: 'fr' }, { FR: 'Bonjour', en: 'Hello' }],
    [{}, { en: 'Hello', fr: 'Bonjour' }],
    [{ locale: 'de' }, 'Hallo'],
  ])('is not a text map in the locale or its language: %j %j', (patch, text) => {
    expect(errorsOf({ surveys: [survey(patch, { text })] })).toEqual([])
  })
})
