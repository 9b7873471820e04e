import type { TargetingState } from './types'

/**
 * Moves to `url` and counts a page view in the session. `pageViews`, when given, is the visit's
 * count so far, this view included: a visit shared by several tabs counts the views of all of
 * them (the SDK's stored session does). Pure.
 */
export function recordPageView(
  state: TargetingState,
  url: string,
  pageViews = state.session.pageViews + 1,
): TargetingState {
  return { ...state, page: { ...state.page, url }, session: { ...state.session, pageViews } }
}
