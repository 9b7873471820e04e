export {
  type Answers,
  type AnswerValue,
  firstQuestion,
  localeChain,
  matchAnswer,
  nextQuestion,
  questionPath,
  resolveLocale,
  resolveText,
} from './flow/index'
export {
  type Audience,
  audienceSchema,
  type Device,
  deviceSchema,
  type TraitRule,
  traitRuleSchema,
} from './schema/audience'
export {
  type Batch,
  type BatchReply,
  batchReplySchema,
  batchSchema,
  MAX_BATCH_EVENTS,
} from './schema/batch'
export {
  type Comparison,
  type Count,
  comparisonSchema,
  countSchema,
  type Filter,
  filterSchema,
  type Scalar,
} from './schema/condition'
export { type Config, configSchema } from './schema/config'
export { type Display, displaySchema, type Position, positionSchema } from './schema/display'
export {
  type Answer,
  answerSchema,
  contextSchema,
  type EventType,
  eventSchema,
  eventTypeSchema,
  metricSchema,
  type SondeEvent,
  type UsageContext,
  type WireMetric,
} from './schema/event'
export {
  type Frequency,
  frequencySchema,
  type Schedule,
  type Settings,
  scheduleSchema,
  settingsSchema,
} from './schema/frequency'
export { type InitOptions, initOptionsSchema, type Theme, themeSchema } from './schema/initOptions'
export { describeError, type ParseError, type ParseResult, parse } from './schema/parse'
export { type ConfigResult, parseConfig } from './schema/parseConfig'
export {
  type AnswerCondition,
  answerConditionSchema,
  type ChoiceOption,
  choiceOptionSchema,
  type NextRule,
  nextRuleSchema,
  type Question,
  type QuestionType,
  questionSchema,
} from './schema/question'
export { type Survey, surveySchema } from './schema/survey'
export { type LocalizedText, localeTagSchema, localizedTextSchema } from './schema/text'
export {
  type Placement,
  placementSchema,
  type Tour,
  type TourStep,
  tourSchema,
  tourStepSchema,
} from './schema/tour'
export { type Trigger, triggerSchema } from './schema/trigger'
export { type UrlRule, urlRuleSchema } from './schema/urlRule'
export {
  type CesMetric,
  type CesScore,
  type CsatMetric,
  type CsatScore,
  type Interval,
  isAgreeing,
  isSatisfied,
  isScale,
  isScaleScore,
  type Metric,
  type MetricKind,
  metricFor,
  type NpsBucket,
  type NpsMetric,
  type NpsScore,
  npsBucket,
  scoreCes,
  scoreCsat,
  scoreNps,
  tCritical95,
  wilsonInterval,
  wilsonPercent,
} from './scoring/index'
