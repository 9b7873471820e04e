import {
  createTargetingState,
  type InitOptions,
  recordIdentity,
  type TargetingState,
} from '@sonde/core'
import { detectDevice } from '../context/detectDevice'
import { copyNow } from './copyNow'
import type { Visitor } from './createVisitor'

/**
 * The targeting state a page starts from: the stored one (display history, event counts) or a
 * new one, with this device, locale and the user given to `init`.
 */
export function restoreState(
  saved: TargetingState | null,
  deps: {
    win: Window
    locale: string
    user: InitOptions['user']
    visitor: Visitor
  },
): TargetingState {
  const { win, visitor, user } = deps
  const nav = win.navigator as Navigator & { userAgentData?: { mobile?: boolean } }
  const device = detectDevice(
    nav.userAgent,
    nav.userAgentData?.mobile,
    win.screen?.width ?? win.innerWidth,
    nav.maxTouchPoints ?? 0,
  )
  // No session yet: the page view that follows (createSonde's pageView) moves the state to this
  // visit's, as it does in a tab left open past the session timeout.
  const base =
    saved ??
    createTargetingState({
      anonymousId: visitor.anonymousId(),
      sessionId: '',
      now: 0,
      url: win.location.href,
    })
  const state: TargetingState = { ...base, device, locale: deps.locale }
  // Traits count without an id too: a visitor not signed in may come with some. As identify()
  // does, only what JSON keeps of them: a function would leave the state impossible to store
  // (the display history lost, a survey asked again on the next page).
  return user
    ? recordIdentity(state, user.id, copyNow(user.traits, {}) as Record<string, unknown>)
    : state
}
