import type { SondeEvent, TargetingState, Theme } from '@sonde/core'
import type { KeyValue } from '../context/keyValue'
import type { Emitter } from './createEmitter'
import type { SondeEvents } from './types'

/** What a survey or tour on screen needs from the running Sonde. */
export interface FlowContext {
  locale: string
  theme?: Theme | undefined
  now(): number
  newId(): string
  /** Queues an event for the endpoint; the usage context is added there. */
  send(event: SondeEvent): void
  emit: Emitter<SondeEvents>['emit']
  /** Applies a targeting-state reducer (display history) and persists the result. */
  record(update: (state: TargetingState) => TargetingState): void
  /** Small per-user storage (memory without consent). */
  kv(): KeyValue
}
