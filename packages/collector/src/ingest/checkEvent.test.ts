import type { SondeEvent } from '@sonde/core'
import { describe, expect, it } from 'vitest'
import { makeEvent } from '../test/fixtures'
import { checkEvent } from './checkEvent'

describe('checkEvent', () => {
  it('accepts a well-formed completed NPS event', () => {
    expect(checkEvent(makeEvent())).toBeNull()
  })

  it.each<[string, Partial<SondeEvent>, string]>([
    [
      'an answer before 1970',
      { at: '1969-12-31T23:59:59Z' },
      'at: expected a time from 1970 to 9999',
    ],
    [
      'a survey event without survey',
      { surveyId: undefined },
      'surveyId: required for survey.completed',
    ],
    [
      'a long response id',
      { responseId: 'r'.repeat(129) },
      'responseId: expected 1–128 characters',
    ],
    ['an empty survey id', { surveyId: '' }, 'surveyId: expected 1–128 characters'],
    [
      'a survey id the dashboard cannot ask for',
      { surveyId: '..' },
      'surveyId: ".." cannot name anything',
    ],
    ['a tour id of a dot', { type: 'tour.step', tourId: '.' }, 'tourId: "." cannot name anything'],
    ['a tour event without tour', { type: 'tour.step' }, 'tourId: required for tour.step'],
    [
      'an answered event without response',
      { type: 'survey.answered', responseId: undefined },
      'responseId: required for survey.answered',
    ],
    [
      'a question answered twice',
      {
        answers: [
          { questionId: 'score', value: 1 },
          { questionId: 'score', value: 2 },
        ],
      },
      'answers[1].questionId: "score" answered twice',
    ],
    [
      'more answers than a survey has questions',
      {
        answers: Array.from({ length: 31 }, (_, i) => ({ questionId: `q${i}`, value: 'x' })),
      },
      'answers: at most 30, the most questions a survey has',
    ],
    [
      'a question id longer than any id',
      { answers: [{ questionId: 'q'.repeat(129), value: 1 }] },
      'answers[0].questionId: expected 1–128 characters',
    ],
    [
      'an empty question id',
      { answers: [{ questionId: '', value: 1 }] },
      'answers[0].questionId: expected 1–128 characters',
    ],
    [
      'a metric whose bucket disagrees with core',
      { metric: { kind: 'nps', score: 6, bucket: 'passive' } },
      'metric.bucket: expected "detractor" for score 6',
    ],
    [
      'a CSAT metric off its scale',
      { metric: { kind: 'csat', score: 6, scale: 5, satisfied: true } },
      'metric.score: 6 is not a valid csat score',
    ],
    [
      'a CES metric with the wrong agreement',
      { metric: { kind: 'ces', score: 4, scale: 7, agree: true } },
      'metric.agree: expected false for score 4',
    ],
    // No question asks on such a scale, and the stats would allocate one slot per scale point.
    [
      'a CES metric on a scale no question has',
      { metric: { kind: 'ces', score: 1, scale: 2 ** 40, agree: false } },
      'metric.scale: expected 5 or 7 for ces',
    ],
    [
      'a CSAT metric on a scale no question has',
      { metric: { kind: 'csat', score: 4, scale: 4, satisfied: true } },
      'metric.scale: expected 3, 5, 7 or 10 for csat',
    ],
    // The stats API lists up to 1,000 verbatims: forty 1 MB answers made one request take 10 s
    // and 40 MB, and a few hundred more would have made it fail for good.
    [
      'a text answer longer than any text question takes',
      { answers: [{ questionId: 'why', value: 'x'.repeat(10_001) }] },
      'answers[0].value: longer than 10000 characters',
    ],
    [
      'an "other" text longer than any text question takes',
      { answers: [{ questionId: 'blocker', value: 'format', other: 'x'.repeat(10_001) }] },
      'answers[0].other: longer than 10000 characters',
    ],
  ])('rejects %s', (_, overrides, reason) => {
    expect(checkEvent(makeEvent(overrides))).toBe(reason)
  })

  it('accepts text answers as long as a text question takes', () => {
    const text = 'é'.repeat(10_000)
    const answers = [
      { questionId: 'score', value: 9 },
      { questionId: 'why', value: text },
      { questionId: 'blocker', value: ['format'], other: text },
    ]
    expect(checkEvent(makeEvent({ answers }))).toBeNull()
  })

  it('accepts a shown event without a response id', () => {
    expect(checkEvent(makeEvent({ type: 'survey.shown', responseId: undefined }))).toBeNull()
  })
})
