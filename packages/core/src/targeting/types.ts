import type { Device } from '../schema/audience'
import type { Settings } from '../schema/frequency'
import type { Survey } from '../schema/survey'
import type { Tour } from '../schema/tour'

/** Surveys and tours share the targeting engine; history and rules tell them apart. */
export type ItemKind = 'survey' | 'tour'

/** The fields targeting reads: a `Survey` or a `Tour` is one. */
export type Targetable = Pick<
  Survey | Tour,
  'id' | 'priority' | 'trigger' | 'audience' | 'frequency' | 'schedule'
>

/** What `evaluate` looks at: a parsed `Config`, or any object with the same three fields. */
export interface TargetingConfig {
  surveys?: readonly Targetable[] | undefined
  tours?: readonly Targetable[] | undefined
  settings?: Settings | undefined
}

/** Something that just happened and may make a survey or tour due. */
export type Signal =
  | { type: 'event'; name: string; properties?: Readonly<Record<string, unknown>> | undefined }
  | { type: 'page'; url: string }
  | { type: 'timeOnPage'; seconds: number }
  | { type: 'scroll'; percent: number }
  | { type: 'exitIntent' }
  /** `show(id)` / `startTour(id)`: stands in for the trigger of that one item. */
  | { type: 'manual'; kind: ItemKind; id: string }

/** The display history of one survey or tour, times in ms since the epoch. */
export interface DisplayRecord {
  shown: number
  lastShownAt?: number | undefined
  lastDismissedAt?: number | undefined
  completedAt?: number | undefined
  /** The step a tour in progress is on, so a reload or a new page resumes it; gone at its end. */
  step?: number | undefined
  /** That step's id: a new version of the tour, its steps moved, resumes at it. */
  stepId?: string | undefined
}

/**
 * Everything targeting knows about the person, as plain JSON-safe data the caller stores and
 * updates with the `record*` reducers. Times are ms since the epoch.
 */
export interface TargetingState {
  user: {
    id?: string | undefined
    anonymousId: string
    known: boolean
    traits: Readonly<Record<string, unknown>>
  }
  /** `prompts`: surveys shown in this session (tours do not count, see `checkGlobal`). */
  session: { id: string; startedAt: number; pageViews: number; prompts: number }
  /** Lifetime count of each tracked event name. */
  eventCounts: Readonly<Record<string, number>>
  page: { url: string }
  device?: Device | undefined
  /** BCP 47 tag such as `fr-CA`. */
  locale?: string | undefined
  /** Keyed by `historyKey(kind, id)`, so a survey and a tour may share an id. */
  history: Readonly<Record<string, DisplayRecord>>
  /** When the last survey was shown: the start of the global cooldown. */
  lastPromptAt?: number | undefined
}

/** Why an item is not eligible: a stable machine code, for logs, tests and `canShow`. */
export type SkipReason =
  | 'unknown'
  | 'trigger'
  | 'schedule'
  | 'audience.traits'
  | 'audience.events'
  | 'audience.pageViews'
  | 'audience.device'
  | 'audience.locale'
  | 'audience.url'
  | 'audience.known'
  | 'audience.sample'
  | 'frequency.once'
  | 'frequency.maxDisplays'
  | 'frequency.completed'
  | 'frequency.recontact'
  | 'frequency.dismissCooldown'
  | 'global.cooldown'
  | 'global.sessionCap'

/** The answer of one check, and of `canShow`. */
export type Verdict = { ok: true } | { ok: false; reason: SkipReason; message?: string }

/** A survey or tour that is due now; show it after `delaySeconds`. */
export interface Eligible {
  kind: ItemKind
  id: string
  delaySeconds: number
}

/** A survey or tour that is not due, and why. */
export interface Skip {
  kind: ItemKind
  id: string
  reason: SkipReason
  message?: string | undefined
}

/** The result of `evaluate`: every item of the config lands in exactly one of the two lists. */
export interface Evaluation {
  eligible: Eligible[]
  skipped: Skip[]
}
