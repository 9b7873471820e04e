import type { ItemKind, TargetingState } from './types'
import { updateRecord } from './updateRecord'

/**
 * Records that a survey or tour appeared at `now`. A survey also starts the global cooldown and
 * uses one of the session's prompts; a tour does neither (see `checkGlobal`). Pure.
 */
export function recordShown(
  state: TargetingState,
  kind: ItemKind,
  id: string,
  now: number,
): TargetingState {
  const next = updateRecord(state, kind, id, (record) => ({
    ...record,
    shown: record.shown + 1,
    lastShownAt: now,
  }))
  if (kind === 'tour') return next
  const session = { ...next.session, prompts: next.session.prompts + 1 }
  return { ...next, session, lastPromptAt: now }
}
