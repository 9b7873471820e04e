import type { Audience } from '../schema/audience'
import { compileUrlRule } from './compileUrlRule'
import { describeCount } from './describeCount'
import { describeValue } from './describeValue'
import { EXPLAINED } from './explained'
import { fail } from './fail'
import { inSample } from './inSample'
import { matchFilter } from './matchFilter'
import { matchLocale } from './matchLocale'
import { matchTraitRule } from './matchTraitRule'
import { PASSED } from './passed'
import { readOwn } from './readOwn'
import type { TargetingState, Verdict } from './types'

/** A compiled audience: does this person, now, belong to it? `itemId` seeds the sample. */
export type AudienceCheck = (state: TargetingState, itemId: string) => Verdict

interface Rule {
  holds: (state: TargetingState, itemId: string) => boolean
  verdict: Verdict
}

/**
 * Compiles an audience once into its rules, checked in schema order; the first that fails names
 * the verdict. Sampling uses the user id when there is one, else the anonymous id, so identifying
 * may move a person across the sample line once (and then never again).
 */
export function compileAudience(audience: Audience | undefined): AudienceCheck {
  const rules = audience ? collectRules(audience) : []
  return (state, itemId) => {
    for (const rule of rules) if (!rule.holds(state, itemId)) return rule.verdict
    return PASSED
  }
}

function collectRules(audience: Audience): Rule[] {
  const rules: Rule[] = []
  const add = (verdict: Verdict, holds: Rule['holds']) => rules.push({ holds, verdict })
  for (const trait of audience.traits ?? []) {
    const value = EXPLAINED && (trait.op === 'exists' ? '' : ` ${describeValue(trait.value)}`)
    add(
      fail('audience.traits', EXPLAINED && `trait "${trait.key}" fails ${trait.op}${value}`),
      (state) => matchTraitRule(trait, state.user.traits),
    )
  }
  // A count is a comparison of numbers: the property filter's matcher judges it (matchCount).
  for (const { name, count } of audience.events ?? []) {
    add(
      fail('audience.events', EXPLAINED && `event "${name}" count is not ${describeCount(count)}`),
      (state) => matchFilter(count, countOf(state, name)),
    )
  }
  const { pageViews, device, locales, url, known, sample } = audience
  if (pageViews) {
    add(
      fail(
        'audience.pageViews',
        EXPLAINED && `session page views are not ${describeCount(pageViews)}`,
      ),
      (s) => matchFilter(pageViews, s.session.pageViews),
    )
  }
  if (device) {
    add(
      fail('audience.device', EXPLAINED && `device is not one of ${device.join(', ')}`),
      (state) => state.device !== undefined && device.includes(state.device),
    )
  }
  if (locales) {
    add(
      fail('audience.locale', EXPLAINED && `locale is not one of ${locales.join(', ')}`),
      (state) => matchLocale(locales, state.locale),
    )
  }
  if (url) {
    const match = compileUrlRule(url)
    add(fail('audience.url', EXPLAINED && `page does not match ${describeValue(url)}`), (state) =>
      match(state.page.url),
    )
  }
  if (known !== undefined) {
    add(
      fail('audience.known', EXPLAINED && `user is not ${known ? 'known' : 'anonymous'}`),
      (state) => state.user.known === known,
    )
  }
  if (sample !== undefined) {
    add(
      fail('audience.sample', EXPLAINED && `outside the ${Math.round(sample * 1000) / 10}% sample`),
      (state, itemId) => inSample(sample, state.user.id ?? state.user.anonymousId, itemId),
    )
  }
  return rules
}

function countOf(state: TargetingState, name: string): number {
  const n = readOwn(state.eventCounts, name)
  return typeof n === 'number' ? n : 0
}
