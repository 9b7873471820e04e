import { compileTargeting, historyKey, type Signal } from '@sonde/core'
import type { Chunks } from './chunks'
import type { Logger } from './createLogger'
import type { Mount, Presenter } from './createPresenter'
import type { FlowContext } from './flowContext'
import { pageOf } from './pageOf'
import type { StatePersistence } from './persistState'
import type { RuntimeState } from './runtimeState'

export interface Prompter {
  /**
   * Shows the first survey or tour that `signal` makes eligible, unless one is already due; a
   * page view (a load, a route change) first goes on with a tour left mid-way.
   */
  evaluate(signal: Signal): void
}

/** From signals to what is on screen: targeting decides, the presenter shows one at a time. */
export function createPrompter(deps: {
  runtime: RuntimeState
  presenter: Presenter
  flow: FlowContext
  chunks: Chunks
  log: Logger
  persistence: StatePersistence
  allowed: () => boolean
}): Prompter {
  const { runtime, presenter, flow, chunks, log } = deps
  const notShown = (kind: string, id: string, why: string) =>
    log.debug(`${kind} ${id} not shown: ${why}`)
  // With the screen lock held, just before mounting: what the other tabs stored since this one
  // loaded (a survey answered there, the cooldown it started) is merged in and the item is
  // checked again, so that one person is not asked twice for keeping two tabs open.
  const recheck =
    (kind: 'survey' | 'tour', id: string, mount: Mount): Mount =>
    async (release, life) => {
      if (deps.allowed()) await deps.persistence.load(runtime)
      if (!life.active()) return null
      const verdict = compileTargeting(runtime.cfg).canShow({ kind, id }, runtime.state, Date.now())
      if (!verdict.ok) {
        notShown(kind, id, verdict.message ?? verdict.reason)
        return null
      }
      return mount(release, life)
    }
  // The flows live in the chunks with their UI, loaded once something is to be shown.
  // A survey belongs to the page it was due on (an in-page anchor is no other): a route change while its chunk downloads drops
  // it, as it drops one waiting out its delay (a resumed tour goes on, whatever the page).
  const later =
    (load: () => Promise<Mount>, href?: string): Mount =>
    async (release, life) => {
      const mount = await load()
      // Destroyed while the chunk loaded: nothing to show, nothing to report.
      return life.active() && (!href || href === pageOf(location.href))
        ? mount(release, life)
        : null
    }
  /** Shows a survey or tour now or after its delay; a tour left mid-way resumes at `resumeAt`. */
  const present = (
    kind: 'survey' | 'tour',
    id: string,
    delaySeconds: number,
    resumeAt?: number,
    signal?: Signal,
  ) => {
    let mount: Mount | null = null
    if (kind === 'survey') {
      // An answer that could be neither stored nor sent would be lost: no survey without consent.
      if (!deps.allowed()) return notShown(kind, id, 'consent')
      // Only what the config holds is ever due. Read as the recheck has just found it there, so
      // a newer config that came during the delay is the one shown, before the chunk's download,
      // during which another could take the survey away.
      mount = recheck(
        kind,
        id,
        later(() => {
          const survey = runtime.cfg.surveys!.find((s) => s.id === id)!
          return chunks.survey().then((chunk) => chunk.surveyFlow(survey, flow))
        }, pageOf(location.href)),
      )
    } else {
      const tour = runtime.cfg.tours?.find((t) => t.id === id)
      if (tour) {
        const show = later(async () => {
          // As its code starts loading: what its step waits for may be tracked before the step
          // is on screen to hear it.
          const before = runtime.state
          return (await chunks.tour()).tourFlow(tour, resumeAt, flow, before)
        })
        // A resumed tour is not checked again: it was shown already, and goes on where it was.
        // Not due on this page (its step is on another), it leaves the screen to what is: the
        // page view, refused as busy while it looked, is evaluated again, without resuming.
        mount =
          resumeAt !== undefined
            ? async (release, life) => (await show(release, life)) ?? consider(signal!)
            : recheck(kind, id, show)
      }
    }
    return !!mount && presenter.request(mount, delaySeconds)
  }
  const consider = (signal: Signal): undefined => {
    if (runtime.destroyed) return
    const { eligible, skipped } = compileTargeting(runtime.cfg).evaluate(
      runtime.state,
      signal,
      Date.now(),
    )
    for (const skip of skipped) {
      if (skip.reason !== 'trigger') notShown(skip.kind, skip.id, skip.message ?? skip.reason)
    }
    // Only one at a time: what was due meanwhile (a show(), an event's survey) is said to be
    // refused, as canShow says 'busy' once the rest holds.
    const busy = presenter.busy()
    for (const item of eligible) {
      if (busy) notShown(item.kind, item.id, 'busy')
      // A tour in progress is resumed at its step, never started again by its trigger (a page
      // view where its step waits for another page).
      else if (
        runtime.state.history[historyKey(item.kind, item.id)]?.step === undefined &&
        present(item.kind, item.id, item.delaySeconds)
      )
        return
    }
  }
  return {
    evaluate(signal) {
      if (signal.type === 'page')
        for (const tour of runtime.cfg.tours ?? []) {
          // The step it is on (its flow finds it by its id in a new version). None (ended, never
          // begun): undefined, which is not >= 0.
          const step = runtime.state.history[historyKey('tour', tour.id)]?.step
          if (step! >= 0 && present('tour', tour.id, 0, step, signal)) break
        }
      consider(signal)
    },
  }
}
