import type { InitOptions } from '@sonde/core'
import { type KeyValue, localKeyValue, memoryKeyValue } from '../context/keyValue'
import type { DeferredDelivery } from '../delivery/deferDelivery'
import { safe } from './safe'

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
  win: Window
  stopped: () => boolean
  startDelivery: () => DeferredDelivery
}): Consent {
  const { ns, win } = deps
  const optOutKey = `${ns}:optout`
  let consent = deps.consent ?? 'granted'
  let optedOut = safe(() => win.localStorage.getItem(optOutKey) === '1', false)
  let kv: KeyValue = memoryKeyValue()
  let delivery: DeferredDelivery | null = null

  const allowed = () => consent === 'granted' && !optedOut && !deps.stopped()
  const apply = () => {
    kv = allowed() ? localKeyValue(`${ns}:`) : memoryKeyValue()
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
      safe(() => win.localStorage.removeItem(optOutKey), undefined)
      apply()
    },
    optOut() {
      optedOut = true
      // The one thing remembered after opting out is the choice itself.
      safe(() => win.localStorage.setItem(optOutKey, '1'), undefined)
      apply()
    },
    stop() {
      delivery?.stop()
      delivery = null
    },
  }
}
