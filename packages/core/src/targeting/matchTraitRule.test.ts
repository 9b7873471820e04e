import { describe, expect, it } from 'vitest'
import type { TraitRule } from '../schema/audience'
import { matchTraitRule } from './matchTraitRule'

const traits = { plan: 'pro', seats: 12, tags: ['beta', 'eu'], churned: null }

describe('matchTraitRule', () => {
  it.each<[TraitRule, boolean]>([
    [{ key: 'plan', op: 'eq', value: 'pro' }, true],
    [{ key: 'plan', op: 'neq', value: 'pro' }, false],
    [{ key: 'plan', op: 'in', value: ['pro', 'business'] }, true],
    [{ key: 'plan', op: 'in', value: 'pro' }, false],
    [{ key: 'plan', op: 'contains', value: 'r' }, true],
    [{ key: 'tags', op: 'contains', value: 'beta' }, true],
    [{ key: 'seats', op: 'gt', value: 10 }, true],
    [{ key: 'seats', op: 'gte', value: 12 }, true],
    [{ key: 'seats', op: 'lt', value: 12 }, false],
    [{ key: 'seats', op: 'lte', value: '12' }, false],
    [{ key: 'plan', op: 'exists' }, true],
    [{ key: 'churned', op: 'exists' }, false],
    [{ key: 'missing', op: 'exists', value: false }, true],
    [{ key: 'missing', op: 'neq', value: 'pro' }, true],
    [{ key: 'constructor', op: 'exists' }, false],
    [{ key: 'toString', op: 'exists' }, false],
  ])('%j is %s', (rule, expected) => {
    expect(matchTraitRule(rule, traits)).toBe(expected)
  })
})
