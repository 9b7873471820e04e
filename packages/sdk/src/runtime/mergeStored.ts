import { type DisplayRecord, readOwn, type TargetingState } from '@sonde/core'

// The later of two times, and of a time both sides hold never after now: one ahead of the clock
// was stored under a clock since set back (or put right), and would hold a cooldown or recontact
// period for as long as the clock was off, years for a clock once years ahead; stored as now, it
// holds from now. A time one side alone holds is kept, and met again at the next save. A clock
// before Sonde existed (1.7e12: November 2023) is the wrong one, reset by a dead battery to 1970 or
// 2000: taken as now, a stored time would end its period the moment the clock is put right.
const latest = (a: number | undefined, b: number | undefined) =>
  a === undefined
    ? b
    : b === undefined
      ? a
      : Math.min(Math.max(a, b), Date.now() < 1.7e12 ? Number.POSITIVE_INFINITY : Date.now())

/**
 * `mine` (this tab's state) with what another tab of the same person stored meanwhile: every
 * display either tab recorded counts, so a survey answered in one tab keeps its recontact period
 * and the project's cooldown in the others, and no tab's save erases another's. Event counts
 * add up: what is stored, and what this tab counted since `base` (the state it last read from
 * or wrote to the store; none, or another person's, counts from 0). A stored state of another
 * person (after `reset`, or another user signed in on this browser) is left out if this tab
 * changed to its own person since `base`, and replaces this tab's otherwise. A tour's step
 * is the other tab's unless this tab moved it since `base`. Pure.
 */
export function mergeStored(
  mine: TargetingState,
  stored: TargetingState,
  base?: TargetingState | null,
): TargetingState {
  const read = base && samePerson(mine, base) ? base : undefined
  // Another person since: this tab's if it changed to them (its reset, a user signed in here),
  // else another tab's, whose reset or sign-in this tab's older person must not undo.
  if (!samePerson(mine, stored)) return read ? { ...stored, page: mine.page } : mine
  const history = mergeEntries(stored.history, mine.history, (record, other, key) =>
    // History keys are never a prototype's (a kind, a colon, an id).
    other ? mergeRecord(record, other, read?.history[key]) : record,
  )
  const counts = mergeEntries(
    stored.eventCounts,
    mine.eventCounts,
    (count, other = 0, name) => other + count - ((readOwn(read?.eventCounts, name) as number) ?? 0),
  )
  const sameSession = stored.session.id === mine.session.id
  const prompts = sameSession
    ? Math.max(mine.session.prompts, stored.session.prompts)
    : mine.session.prompts
  return {
    ...mine,
    // Who they are as the other tab stored it (a sign-in there, new traits), unless this tab
    // changed it since it last read or wrote the store.
    user: mine.user === read?.user ? stored.user : mine.user,
    history,
    eventCounts: counts,
    session: { ...mine.session, prompts },
    lastPromptAt: latest(mine.lastPromptAt, stored.lastPromptAt),
  }
}

// Each of `mine`'s entries joined to `stored`'s of its key. Maps, then fromEntries: keys come from
// JSON and from event names the host chose, and an assignment to a key such as "__proto__" would
// not make a property.
function mergeEntries<T>(
  stored: Record<string, T>,
  mine: Record<string, T>,
  join: (value: T, other: T | undefined, key: string) => T,
): Record<string, T> {
  const merged = new Map(Object.entries(stored))
  for (const [key, value] of Object.entries(mine))
    merged.set(key, join(value, merged.get(key), key))
  return Object.fromEntries(merged)
}

// Two user ids differ; an id on one side only is the anonymous visitor who signed in.
const samePerson = ({ user }: TargetingState, { user: other }: TargetingState) =>
  other.anonymousId === user.anonymousId && (other.id ?? user.id) === (user.id ?? other.id)

function mergeRecord(
  mine: DisplayRecord,
  other: DisplayRecord,
  read: DisplayRecord | undefined,
): DisplayRecord {
  const merged: DisplayRecord = { shown: Math.max(mine.shown, other.shown) }
  for (const key of ['lastShownAt', 'lastDismissedAt', 'completedAt'] as const) {
    const at = latest(mine[key], other[key])
    if (at !== undefined) merged[key] = at
  }
  // The step of a tour in progress, from the side whose run of it the other has not ended since.
  // This tab's counts only if it moved the tour on since it last read or wrote the store: a step
  // another tab has advanced to meanwhile is not taken back.
  // Its id goes with it.
  const step = mine.step === read?.step ? undefined : mine.step
  if (step !== undefined && !endedSince(other, mine.lastShownAt)) {
    merged.step = step
    merged.stepId = mine.stepId
  } else if (other.step !== undefined && !endedSince(mine, other.lastShownAt)) {
    merged.step = other.step
    merged.stepId = other.stepId
  }
  return merged
}

const endedSince = (record: DisplayRecord, start: number | undefined) =>
  Math.max(record.completedAt ?? -1, record.lastDismissedAt ?? -1) >= (start ?? 0)
