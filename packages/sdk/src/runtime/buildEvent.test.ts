import { type Survey, surveySchema } from '@sonde/core'
import { describe, expect, it } from 'vitest'
import acme from '../../../../test/fixtures/acme.config.json'
import { buildSurveyEvent, surveyMetric } from './buildEvent'

const [nps, csat, ces] = acme.surveys.map((s) => surveySchema.parse(s)) as [Survey, Survey, Survey]

describe('surveyMetric', () => {
  it.each([
    [nps, [{ questionId: 'score', value: 9 }], { kind: 'nps', score: 9, bucket: 'promoter' }],
    [nps, [{ questionId: 'score', value: 3 }], { kind: 'nps', score: 3, bucket: 'detractor' }],
    [
      csat,
      [{ questionId: 'csat', value: 4 }],
      { kind: 'csat', score: 4, scale: 5, satisfied: true },
    ],
    [
      csat,
      [{ questionId: 'csat', value: 3 }],
      { kind: 'csat', score: 3, scale: 5, satisfied: false },
    ],
    [ces, [{ questionId: 'effort', value: 5 }], { kind: 'ces', score: 5, scale: 7, agree: true }],
    [ces, [{ questionId: 'effort', value: 4 }], { kind: 'ces', score: 4, scale: 7, agree: false }],
    [nps, [{ questionId: 'love', value: 'x' }], undefined],
  ])('%#', (survey, answers, expected) => {
    expect(surveyMetric(survey, answers)).toEqual(expected)
  })
})

describe('buildSurveyEvent', () => {
  it('builds a completed event with answers and metric', () => {
    const event = buildSurveyEvent(
      'survey.completed',
      nps,
      { id: 'resp-1-0000', seq: 2, answers: [{ questionId: 'score', value: 10 }] },
      { id: 'evt-1-00000', at: '2026-11-26T10:00:00.000Z', withMetric: true },
    )
    expect(event).toEqual({
      id: 'evt-1-00000',
      type: 'survey.completed',
      at: '2026-11-26T10:00:00.000Z',
      surveyId: 'nps-q4',
      surveyVersion: 3,
      responseId: 'resp-1-0000',
      seq: 2,
      answers: [{ questionId: 'score', value: 10 }],
      metric: { kind: 'nps', score: 10, bucket: 'promoter' },
    })
  })
})
