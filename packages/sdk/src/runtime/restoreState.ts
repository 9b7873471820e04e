import {
  createTargetingState,
  type InitOptions,
  recordIdentity,
  startSession,
  type TargetingState,
} from '@sonde/core'
import { detectDevice } from '../context/detectDevice'
import type { Visitor } from './createVisitor'

/**
 * The targeting state a page starts from: the stored one (display history, event counts) or a
 * new one, moved to this visit, with this device, locale and the user given to `init`.
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
  const s = visitor.session()
  const device = detectDevice({
    userAgent: nav.userAgent,
    mobile: nav.userAgentData?.mobile,
    width: win.screen?.width ?? win.innerWidth,
    touchPoints: nav.maxTouchPoints ?? 0,
  })
  const base =
    saved ??
    createTargetingState({
      anonymousId: visitor.anonymousId(),
      sessionId: s.id,
      now: s.startedAt,
      url: win.location.href,
    })
  let state: TargetingState = { ...base, device, locale: deps.locale }
  if (state.session.id !== s.id) state = startSession(state, s.id, s.startedAt)
  if (user?.id) state = recordIdentity(state, user.id, user.traits ?? {})
  return state
}
