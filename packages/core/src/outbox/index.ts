export { applyCaps, type Caps, type CapsResult } from './applyCaps'
export { type BackoffOptions, backoffDelay } from './backoffDelay'
export { type BatchLimits, type BatchPlan, buildBatches } from './buildBatches'
export { classifyResponse, type Rejection, type Verdict } from './classifyResponse'
export { clipText } from './clipText'
export { compareAge } from './compareAge'
export { createMemoryStore } from './createMemoryStore'
export { createOutbox } from './createOutbox'
export { createRecord } from './createRecord'
export { type DueOptions, isDue } from './isDue'
export { lease } from './lease'
export { measureJson } from './measureJson'
export { OUTBOX_DEFAULTS, type OutboxLimits } from './outboxDefaults'
export { parseRetryAfter } from './parseRetryAfter'
export { type RetryOptions, scheduleRetry } from './scheduleRetry'
export { type Settlement, type SettleOptions, settleBatch } from './settleBatch'
export { splitBatch } from './splitBatch'
export type {
  BatchEnvelope,
  Clock,
  Drop,
  FlushOptions,
  FlushResult,
  MetaName,
  Outbox,
  OutboxOptions,
  OutboxRecord,
  RecordState,
  Removal,
  SendOptions,
  Store,
  Transport,
  TransportResult,
} from './types'
export { utf8Length } from './utf8Length'
