import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeEvent } from '../test/fixtures'
import { mergeResponseRows, type ResponseRow, responseRow } from './responseRow'

const row = (overrides: Parameters<typeof makeEvent>[0]) =>
  responseRow(makeEvent({ responseId: 'r1', ...overrides }), undefined) as ResponseRow

describe('responseRow', () => {
  it('copies the segmentation fields out of the context', () => {
    expect(row({})).toMatchObject({
      responseId: 'r1',
      status: 'completed',
      locale: 'fr-FR',
      device: 'desktop',
      path: '/reports',
      appVersion: '2.3.1',
      plan: 'pro',
      known: true,
      answered: { metricKind: 'nps', score: 9, scale: 10, bucket: 'promoter' },
    })
  })

  it('has no row for events outside a response', () => {
    expect(responseRow(makeEvent({ type: 'tour.started', tourId: 't' }), undefined)).toBeNull()
    expect(
      responseRow(makeEvent({ type: 'survey.shown', responseId: undefined }), undefined),
    ).toBeNull()
  })

  it('merges to the same row whatever the order of the events', () => {
    const events = fc.array(
      fc.record({
        seq: fc.integer({ min: 0, max: 4 }),
        id: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
        answered: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    )
    fc.assert(
      fc.property(events, fc.context(), (specs, ctx) => {
        const rows = specs.map((spec) =>
          row({
            id: `${spec.id}-${spec.seq}-${spec.answered}`,
            seq: spec.seq,
            answers: spec.answered ? [{ questionId: 'score', value: spec.seq }] : [],
            metric: undefined,
          }),
        )
        const forward = rows.reduce(mergeResponseRows)
        const backward = [...rows].reverse().reduce(mergeResponseRows)
        ctx.log(JSON.stringify(specs))
        expect(backward).toEqual(forward)
      }),
    )
  })
})
