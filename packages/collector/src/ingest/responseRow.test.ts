import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeEvent } from '../test/fixtures'
import { compareCodePoints, mergeResponseRows, type ResponseRow, responseRow } from './responseRow'

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

  // The SDK's dismissal repeats the answers given so far: it dates neither them nor their score.
  it.each([
    ['the same answers', [{ questionId: 'score', value: 9 }], '2026-11-20T23:59:00.000Z'],
    ['new answers', [{ questionId: 'score', value: 8 }], '2026-11-21T00:01:00.000Z'],
  ])('dates %s by the event that first carried them, in either order', (_, later, at) => {
    const answer = row({ seq: 1, at: '2026-11-20T23:59:00.000Z', metric: undefined })
    const dismissal = row({
      type: 'survey.dismissed',
      seq: 2,
      at: '2026-11-21T00:01:00.000Z',
      answers: later,
      metric: undefined,
    })
    expect(mergeResponseRows(answer, dismissal).answered?.at).toBe(at)
    expect(mergeResponseRows(dismissal, answer).answered?.at).toBe(at)
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

  // Pairs whose UTF-16 order is the reverse of their code point order, which is SQL's order
  // (collate "C", UTF-8 bytes): the second id must win a tie of seq here as it does there.
  it.each([
    ['U+E000 and U+1F600', 'evt-\uE000', 'evt-\u{1F600}'],
    ['U+FFFF and U+10000', 'evt-\uFFFF', 'evt-\u{10000}'],
    ['U+FB01 and U+1D400', '\uFB01x', '\u{1D400}'],
  ])('breaks a tie of seq between %s by code point', (_, earlier, later) => {
    const a = row({ id: earlier, type: 'survey.completed', seq: 2 })
    const b = row({ id: later, type: 'survey.dismissed', seq: 2 })
    for (const merged of [mergeResponseRows(a, b), mergeResponseRows(b, a)]) {
      expect(merged).toMatchObject({ eventId: later, status: 'dismissed' })
      expect(merged.answered?.eventId).toBe(later)
    }
  })
})

describe('compareCodePoints', () => {
  it('orders strings as their UTF-8 bytes', () => {
    // Mostly the edges where UTF-16 and code point order part: below the surrogates, after
    // them in the BMP, and above U+FFFF.
    const edge = fc.constantFrom('a', '\uD7FF', '\uE000', '\uFFFF', '\u{10000}', '\u{1F600}')
    const any = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((code) => code < 0xd800 || code > 0xdfff)
      .map((code) => String.fromCodePoint(code))
    const unit = fc.oneof(edge, any)
    const text = fc.string({ unit, maxLength: 4 })
    fc.assert(
      fc.property(text, text, (a, b) => {
        const bytes = Buffer.compare(Buffer.from(a), Buffer.from(b))
        expect(Math.sign(compareCodePoints(a, b))).toBe(bytes)
      }),
    )
  })
})
