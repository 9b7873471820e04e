import {
  DAY_MS,
  type Frequency,
  historyKey,
  readOwn,
  recordCompleted,
  recordDismissed,
} from '@sonde/core'
import { localKeyValue } from '../context/keyValue'
import { storeName } from '../delivery/storeName'
import type { FlowContext } from './flowContext'
import { safe } from './safe'

/** What a respondent did to a survey, when: answered (from the first answer) or dismissed. */
export type Outcome = 'completedAt' | 'lastDismissedAt'
type Times = Partial<Record<Outcome, number>>
type Kept = Record<string, [anonymousId: string, times: Times]>

const record = { completedAt: recordCompleted, lastDismissedAt: recordDismissed }

/**
 * A survey's outcomes in the display history, each also kept at once in localStorage (`outcome`,
 * in the outbox's namespace, which optOut() removes): the history's write in IndexedDB takes a
 * few ms, and a page the respondent leaves in the same task (a link, the tab closed) can drop
 * it, so that the survey just answered was asked again on the next page (3 walks of 11 in
 * Chromium). A next page due to show it takes back what its history lacks (`take`).
 */
export function surveyOutcome(ctx: FlowContext, surveyId: string) {
  const { options, runtime } = ctx.sending
  const kv = localKeyValue(`${storeName(options.endpoint, options.key)}:`)
  const read = () => safe(() => ({ ...JSON.parse(kv.get('outcome') ?? '{}') }) as Kept, {})
  // This survey's entry, when it is one (a value of another shape is none, replaced).
  const entry = (kept: Kept): [string?, Times?] => {
    const [who, times] = safe(() => [...(readOwn(kept, surveyId) as unknown[])], [])
    return typeof who === 'string' && times instanceof Object ? [who, times as Times] : []
  }
  const write = (kept: Kept) =>
    Object.keys(kept).length ? kv.set('outcome', JSON.stringify(kept)) : kv.remove('outcome')
  const anon = () => runtime.state.user.anonymousId
  return {
    /** Records `outcome` now, and keeps it (with consent) until a next page finds it stored. */
    done(outcome: Outcome) {
      const now = Date.now()
      ctx.record((s) => record[outcome](s, 'survey', surveyId, now))
      if (!ctx.sending.delivery()) return
      const kept = read()
      const [who, times] = entry(kept)
      kept[surveyId] = [anon(), { ...(who === anon() ? times : {}), [outcome]: now }]
      write(kept)
    },
    /**
     * Records what an earlier page kept of this visitor's and the history lacks, and says whether
     * that holds the survey back now, as compileFrequency reads it: an answer unless
     * `recontactDays` is set (which counts from the showing), a dismissal for its session or its
     * `dismissCooldownDays`. What the history holds already, or another visitor (before a reset)
     * did, is forgotten.
     */
    take(frequency: Frequency | undefined): boolean {
      const kept = read()
      const [who, times = {}] = entry(kept)
      const stored = runtime.state.history[historyKey('survey', surveyId)]
      const at = (outcome: Outcome) => Number(times[outcome])
      const lacked = (Object.keys(record) as Outcome[]).filter(
        (outcome) => who === anon() && at(outcome) > (stored?.[outcome] ?? 0),
      )
      for (const outcome of lacked)
        ctx.record((s) => record[outcome](s, 'survey', surveyId, at(outcome)))
      if (readOwn(kept, surveyId) !== undefined && lacked.length === 0) {
        delete kept[surveyId]
        write(kept)
      }
      const started = runtime.state.session.startedAt
      return lacked.some((outcome) =>
        holdsBack(outcome, at(outcome), frequency, started, Date.now()),
      )
    },
  }
}

/**
 * Whether an outcome taken back holds a survey back that its history let show, as
 * compileFrequency reads it (held to it by surveyOutcome.test.ts; core's own would bring its
 * messages into the survey chunk, 417 B): an answer unless `recontactDays` is set (which counts
 * from the showing), a dismissal for its session or its `dismissCooldownDays`.
 */
export function holdsBack(
  outcome: Outcome,
  at: number,
  frequency: Frequency | undefined,
  sessionStartedAt: number,
  now: number,
): boolean {
  const { recontactDays, dismissCooldownDays: days } = frequency ?? {}
  if (outcome === 'completedAt') return recontactDays === undefined
  return days === undefined ? at >= sessionStartedAt : now < at + days * DAY_MS
}
