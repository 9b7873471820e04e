import { describe, expect, it } from 'vitest'
import type { AnswerCondition } from '../schema/question'
import { type AnswerValue, matchAnswer } from './matchAnswer'

describe('matchAnswer', () => {
  it.each<[AnswerCondition, AnswerValue | undefined, boolean]>([
    [{ bucket: 'detractor' }, 6, true],
    [{ bucket: 'detractor' }, 7, false],
    [{ bucket: 'passive' }, 8, true],
    [{ bucket: 'promoter' }, 9, true],
    [{ bucket: 'promoter' }, undefined, false],
    [{ gte: 4 }, 4, true],
    [{ gte: 4 }, 3, false],
    [{ lte: 2 }, 2, true],
    [{ gt: 2, lt: 5 }, 3, true],
    [{ gt: 2, lt: 5 }, 5, false],
    [{ gte: 4 }, '5', false],
    [{ eq: 'speed' }, 'speed', true],
    [{ eq: 'speed' }, ['format', 'speed'], true],
    [{ neq: 'speed' }, ['format', 'speed'], false],
    [{ neq: 'speed' }, 'format', true],
    [{ in: ['format', 'speed'] }, 'speed', true],
    [{ in: [1, 2] }, 3, false],
    [{ contains: 'slow' }, 'Too SLOW to load', true],
    [{ contains: 'slow' }, 'fast', false],
    [{ answered: true }, '', false],
    [{ answered: true }, 'x', true],
    [{ answered: false }, undefined, true],
    [{ answered: false }, [], true],
    [{}, undefined, true],
    [{ eq: 3 }, undefined, false],
  ])('%j against %j → %s', (condition, value, expected) => {
    expect(matchAnswer(condition, value)).toBe(expected)
  })
})
