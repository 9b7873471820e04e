import type { InitOptions } from '@sonde/core'
import { type KeyValue, localKeyValue, memoryKeyValue } from '../context/keyValue'
import type { DeferredDelivery } from '../delivery/deferDelivery'
import { UNSENT } from '../delivery/unsentKey'
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
  stopped: () => boolean
  startDelivery: () => DeferredDelivery
  /** Where the targeting state (user, traits, history) is stored: emptied on opt-out. */
  persistence: { save(): void }
  /** Storage became allowed by this page's optIn(). */
  onGranted(): void
}): Consent {
  // Opting out is kept with this endpoint's other keys, in the same storage.
  const local = localKeyValue(`${deps.ns}:`)
  let consent = deps.consent ?? 'granted'
  // Set by this tab's optOut(), for storage that keeps nothing. The stored choice is read each
  // time: one made in another tab holds here at once.
  let optedOut = false
  // What the visitor does meanwhile is kept for this page only.
  const memory = memoryKeyValue()
  let delivery: DeferredDelivery | null = null

  const allowed = () =>
    consent === 'granted' && !optedOut && local.get('optout') !== '1' && !deps.stopped()
  const stop = () => {
    delivery?.stop()
    delivery = null
  }
  const apply = () => {
    if (allowed()) delivery ??= deps.startDelivery()
    else stop()
  }
  apply()

  return {
    allowed,
    kv: () => (allowed() ? local : memory),
    delivery() {
      apply()
      return delivery
    },
    optIn() {
      const was = allowed()
      consent = 'granted'
      optedOut = false
      local.remove('optout')
      apply()
      if (!was && allowed()) deps.onGranted()
    },
    optOut() {
      optedOut = true
      // The one thing remembered after opting out is the choice itself: who the visitor was
      // (anonymous id, session, user and traits) goes, and so does the memo of options seen valid
      // (config/rememberValid.ts), a hash of them with the user's id, and what a survey's flow
      // keeps of the visitor's answers and dismissals until their display history is stored
      // (surveyOutcome.ts).
      local.remove('anon')
      local.remove('session')
      local.remove('valid')
      local.remove('outcome')
      local.set('optout', '1')
      apply()
      deps.persistence.save()
      // So do the answers still waiting to be sent (offline), which carry who gave them: never
      // sent now, they would wait on the device for a later optIn(). Where IndexedDB is missing
      // or barred (reading it throws) there are none, and nothing to report.
      local.remove(UNSENT)
      safe(() => indexedDB.deleteDatabase(deps.ns))
      // And what a tour keeps in the tab for its next page (mountTourFlow).
      safe(() => sessionStorage.removeItem(deps.ns))
    },
    stop,
  }
}
