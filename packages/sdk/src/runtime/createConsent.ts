import type { InitOptions } from '@sonde/core'
import { type KeyValue, localKeyValue, memoryKeyValue } from '../context/keyValue'
import type { DeferredDelivery } from '../delivery/deferDelivery'

export interface Consent {
  /** Granted, not opted out, not destroyed: Sonde may store and send. */
  allowed(): boolean
  /** localStorage when allowed, memory otherwise. */
  kv(): KeyValue
  /** The outbox, running only while allowed. */
  delivery(): DeferredDelivery | null
  optIn(): void
  optOut(): void
  /** Stops the outbox for good (destroy). */
  stop(): void
}

/**
 * Consent and opt-out, and what they switch: storage and the outbox. Opting out is remembered
 * (the one thing stored after it); `consent` from the options is not.
 */
export function createConsent(deps: {
  ns: string
  consent: InitOptions['consent']
  stopped: () => boolean
  startDelivery: () => DeferredDelivery
}): Consent {
  // Opting out is kept with this endpoint's other keys, in the same storage.
  const local = localKeyValue(`${deps.ns}:`)
  let consent = deps.consent ?? 'granted'
  let optedOut = local.get('optout') === '1'
  let kv: KeyValue = memoryKeyValue()
  let delivery: DeferredDelivery | null = null

  const allowed = () => consent === 'granted' && !optedOut && !deps.stopped()
  const apply = () => {
    kv = allowed() ? local : memoryKeyValue()
    if (allowed() && !delivery) {
      delivery = deps.startDelivery()
    } else if (!allowed() && delivery) {
      delivery.stop()
      delivery = null
    }
  }
  apply()

  return {
    allowed,
    kv: () => kv,
    delivery: () => delivery,
    optIn() {
      consent = 'granted'
      optedOut = false
      local.remove('optout')
      apply()
    },
    optOut() {
      optedOut = true
      // The one thing remembered after opting out is the choice itself.
      local.set('optout', '1')
      apply()
    },
    stop() {
      delivery?.stop()
      delivery = null
    },
  }
}
