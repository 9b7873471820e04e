import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import acme from '../../../../test/fixtures/acme.config.json'
import { type Survey, surveySchema } from '../schema/survey'
import { firstQuestion, nextQuestion, questionPath } from './nextQuestion'

const nps = surveySchema.parse(acme.surveys[0])
const ces = surveySchema.parse(acme.surveys[2])

describe('nextQuestion', () => {
  it.each([
    [nps, { score: 3 }, 'score', 'improve'],
    [nps, { score: 6 }, 'score', 'improve'],
    [nps, { score: 7 }, 'score', 'love'],
    [nps, { score: 10 }, 'score', 'love'],
    [nps, { score: 2, improve: 'Speed' }, 'improve', 'end'],
    [nps, { score: 9, love: 'It is fast' }, 'love', 'end'],
    [ces, { effort: 2 }, 'effort', 'blocker'],
    [ces, { effort: 2, blocker: 'speed' }, 'blocker', 'end'],
    [nps, {}, 'unknown', 'end'],
  ])('%#: answers %j at %s → %s', (survey, answers, current, expected) => {
    expect(nextQuestion(survey, answers, current)).toBe(expected)
  })
})

describe('firstQuestion', () => {
  it.each([
    [{}, 'score'],
    [{ score: 4 }, 'improve'],
    [{ score: 9 }, 'love'],
    [{ score: 4, improve: 'Faster exports' }, 'end'],
  ])('resumes after %j at %s', (answers, expected) => {
    expect(firstQuestion(nps, answers)).toBe(expected)
  })
})

// Question ids are the author's words; any of them may also name a property every object has.
const inherited = surveySchema.parse({
  id: 's',
  version: 1,
  kind: 'custom',
  questions: ['constructor', 'toString', 'valueOf'].map((id) => ({
    id,
    type: 'text',
    optional: true,
    text: 't',
    next: id === 'constructor' ? [{ if: { answered: false }, goto: 'valueOf' }] : undefined,
  })),
})

describe('question ids that name inherited properties', () => {
  it.each([
    [{}, 'constructor'],
    [{ constructor: 'a' }, 'toString'],
    [{ constructor: 'a', toString: 'b' }, 'valueOf'],
  ])('resume after %j at %s', (answers, expected) => {
    expect(firstQuestion(inherited, answers)).toBe(expected)
  })

  it('read a skipped question as unanswered', () => {
    expect(nextQuestion(inherited, {}, 'constructor')).toBe('valueOf')
  })
})

describe('questionPath', () => {
  it('follows the branch the answers took', () => {
    expect(questionPath(nps, { score: 4 })).toEqual(['score', 'improve'])
    expect(questionPath(nps, { score: 10 })).toEqual(['score', 'love'])
    expect(questionPath(ces)).toEqual(['effort', 'blocker'])
  })
})

// Any schema-valid survey walked with any answers ends, and only ever moves forward.
const validSurvey = fc
  .integer({ min: 1, max: 8 })
  .chain((count) =>
    fc.tuple(
      fc.constant(count),
      fc.array(
        fc.array(
          fc.record({
            if: fc.option(fc.record({ gte: fc.integer({ min: 0, max: 10 }) }), { nil: undefined }),
            ahead: fc.integer({ min: 0, max: count }),
          }),
          { maxLength: 3 },
        ),
        { minLength: count, maxLength: count },
      ),
    ),
  )
  .map(([count, rules]): Survey => {
    const questions = rules.map((next, i) => ({
      id: `q${i}`,
      type: 'nps' as const,
      text: 't',
      next: next.map((r) => {
        const target = i + 1 + r.ahead
        return { ...(r.if ? { if: r.if } : {}), goto: target < count ? `q${target}` : 'end' }
      }),
    }))
    return surveySchema.parse({ id: 's', version: 1, kind: 'nps', questions })
  })

describe('flow properties', () => {
  it('walks every valid survey forward to the end', () => {
    fc.assert(
      fc.property(
        validSurvey,
        fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 8 }),
        (survey, scores) => {
          const answers: Record<string, number> = {}
          let id = firstQuestion(survey)
          let steps = 0
          let last = -1
          while (id !== 'end') {
            const index = survey.questions.findIndex((q) => q.id === id)
            expect(index).toBeGreaterThan(last)
            last = index
            answers[id] = scores[steps % Math.max(1, scores.length)] ?? 5
            id = nextQuestion(survey, answers, id)
            steps++
          }
          expect(steps).toBeLessThanOrEqual(survey.questions.length)
          expect(firstQuestion(survey, answers)).toBe('end')
        },
      ),
    )
  })
})
