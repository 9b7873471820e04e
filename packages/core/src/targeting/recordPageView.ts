import type { TargetingState } from './types'

/** Moves to `url` and counts a page view in the session. Pure. */
export function recordPageView(state: TargetingState, url: string): TargetingState {
  return {
    ...state,
    page: { ...state.page, url },
    session: { ...state.session, pageViews: state.session.pageViews + 1 },
  }
}
