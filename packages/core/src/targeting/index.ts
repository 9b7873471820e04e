export { canShow } from './canShow'
export { checkFrequency } from './checkFrequency'
export { checkGlobal } from './checkGlobal'
export { checkSchedule } from './checkSchedule'
export { compareValue, type Operator } from './compareValue'
export { compileTargeting, type Targeting } from './compileTargeting'
export { compileUrlRule, type UrlMatcher } from './compileUrlRule'
export { countName } from './countName'
export { createTargetingState, type TargetingStateInit } from './createTargetingState'
export { DAY_MS } from './dayMs'
export { evaluate } from './evaluate'
export { EXPLAINED } from './explained'
export { fnv1a } from './fnv1a'
export { globToRegExp } from './globToRegExp'
export { historyKey } from './historyKey'
export { inSample } from './inSample'
export { matchAudience } from './matchAudience'
export { matchCount } from './matchCount'
export { matchFilter } from './matchFilter'
export { matchLocale } from './matchLocale'
export { matchTraitRule } from './matchTraitRule'
export { matchTrigger } from './matchTrigger'
export { matchUrl } from './matchUrl'
export { readOwn } from './readOwn'
export { recordCompleted } from './recordCompleted'
export { recordDismissed } from './recordDismissed'
export { recordEvent } from './recordEvent'
export { recordIdentity } from './recordIdentity'
export { recordPageView } from './recordPageView'
export { recordShown } from './recordShown'
export { recordStep } from './recordStep'
export { sampleBucket } from './sampleBucket'
export { splitUrl, type UrlParts } from './splitUrl'
export { startSession } from './startSession'
export type {
  DisplayRecord,
  Eligible,
  Evaluation,
  ItemKind,
  Signal,
  Skip,
  SkipReason,
  Targetable,
  TargetingConfig,
  TargetingState,
  Verdict,
} from './types'
