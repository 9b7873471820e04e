import type { Device } from '../schema/audience'
import type { TargetingState } from './types'

/** What the caller knows when it first builds the state. */
export interface TargetingStateInit {
  anonymousId: string
  sessionId: string
  now: number
  userId?: string | undefined
  traits?: Readonly<Record<string, unknown>> | undefined
  url?: string | undefined
  device?: Device | undefined
  locale?: string | undefined
}

/** A fresh state: no history, no counts, a session starting at `now` with no page view yet. */
export function createTargetingState(init: TargetingStateInit): TargetingState {
  return {
    user: {
      id: init.userId,
      anonymousId: init.anonymousId,
      known: init.userId !== undefined,
      traits: { ...init.traits },
    },
    session: { id: init.sessionId, startedAt: init.now, pageViews: 0, prompts: 0 },
    eventCounts: {},
    page: { url: init.url ?? '/' },
    device: init.device,
    locale: init.locale,
    history: {},
  }
}
