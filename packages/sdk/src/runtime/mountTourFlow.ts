import {
  historyKey,
  matchUrl,
  recordCompleted,
  recordDismissed,
  recordShown,
  recordStep,
  type SondeEvent,
  type TargetingState,
  type Tour,
} from '@sonde/core'
import { storeName } from '../delivery/storeName'
import { uuidv7 } from '../uuidv7'
import type { TourUi } from './chunks'
import type { Mount } from './createPresenter'
import { createSend } from './createSend'
import type { FlowContext } from './flowContext'
import { isHidden } from './isHidden'
import { safe } from './safe'
import { untilSeen } from './untilSeen'

/**
 * Shows a tour, from step `resumeAt` when it resumes, and reports it: `tour.started` once (not
 * again on resume, even at step 0), `tour.step` with the time spent on each step, then
 * `tour.completed` or `tour.dismissed` with its reason. The current step is kept in the display
 * history (IndexedDB) as it changes, so a reload or a new page resumes there; completion or
 * dismissal forgets it.
 */
export function mountTourFlow(
  tour: Tour,
  resumeAt: number | undefined,
  ui: TourUi,
  ctx: FlowContext,
  before: TargetingState,
): Mount {
  return async (release, life) => {
    const send = createSend(ctx.sending)
    const tourId = tour.id
    let started = resumeAt !== undefined
    // A tour started by a page rule belongs to those pages: leaving them ends it (reason
    // 'route'); other tours pause on a missing target and go on when it returns.
    const rule = tour.trigger && 'page' in tour.trigger ? tour.trigger.page : undefined
    const left = (url: string) => !!rule && !matchUrl(rule, url)
    const { win } = ctx.sending
    const { location } = win
    // The step left and the one moved to, kept for the next page of this tab at once: a click on
    // a link target stores the next step in IndexedDB in the click's task, but the write takes a
    // few tens of ms and a link answered at once (the cache, a service worker) can replace the
    // page first, losing it. Then the next page, resumed at the step left, goes on at the next.
    // With consent only (where the outbox runs); gone once another step shows. What the tours
    // keep in the tab is one entry named as the outbox's database, which optOut() removes with it.
    const { options } = ctx.sending
    const ns = storeName(options.endpoint, options.key)
    const mark = `m ${tourId}`
    const storage = () => win.sessionStorage
    const kept = () =>
      safe(() => JSON.parse(storage().getItem(ns)!) as Record<string, unknown> | null, null) ?? {}
    const read = <T>(key: string) => kept()[key] as T | undefined
    const keep = (key: string, value?: unknown) =>
      safe(() => {
        const all = kept()
        if (value !== undefined && !ctx.sending.delivery()) return
        if (value === undefined) delete all[key]
        else all[key] = value
        // Nothing left: no entry (an opt-out removed it, and must not find an empty one back).
        if (Object.keys(all).length) storage().setItem(ns, JSON.stringify(all))
        else storage().removeItem(ns)
      }, undefined)
    const paged = `p ${tourId}`
    // A tour started afresh (after reset(), or once it ended in another tab) owes nothing to
    // what an earlier run left in this tab.
    if (resumeAt === undefined) {
      keep(mark)
      keep(paged)
    }
    // Where its step is now: a new version may have put steps before it (found by its id; one
    // the version no longer has goes on at the place it had).
    const record = before.history[historyKey('tour', tourId)]
    const found = tour.steps.findIndex((s) => s.id === record?.stepId)
    const from = found < 0 || resumeAt === undefined ? resumeAt : found
    // The run this is, by its start as stored (a fresh one's is set as it starts): what another
    // run of the tour left in the tab (ended here, started again in another tab since) is not
    // this one's.
    let run = resumeAt === undefined ? 0 : record?.lastShownAt
    const moved = read<number[]>(mark)
    let startAt = moved && moved[0] === from && moved[2] === run ? moved[1] : from
    // Moved past its last step (a click on a link target completed it), or ended before it (-1:
    // Skip tour, Esc, then a link at once), the end lost with the page: ended, as it was told and
    // reported then. (A stored index past a new version's steps is not one: it goes on at the
    // last step, as before.)
    if (startAt !== from && (startAt === tour.steps.length || startAt! < 0)) {
      keep(mark)
      const end = startAt! < 0 ? recordDismissed : recordCompleted
      ctx.record((s) => end(s, 'tour', tourId, Date.now()))
      release()
      return null
    }
    // The page each step showed on in this tab, by its path (a query may hold a reset token,
    // which must not outlive the page). On a site of separate pages, Back (or Forward)
    // loads a page of the tour again, where the step it is on may not be: that step is not due
    // here. The step before it, or after it, shows instead if it showed here; else the tour
    // stays as it is and goes on once the visitor is back where its step lives. A step not yet
    // shown in this tab (another tab, a new step) is looked for as before.
    const pages = safe(
      () => new Map<string, string>(read<[string, string][]>(paged)),
      new Map<string, string>(),
    )
    const here = location.pathname
    const page = (index: number) => pages.get(tour.steps[index]?.id as string)
    if (startAt !== undefined && page(startAt) && page(startAt) !== here && !left(location.href)) {
      const step = tour.steps[startAt]!.id
      startAt =
        page(startAt - 1) === here ? startAt - 1 : page(startAt + 1) === here ? startAt + 1 : -1
      if (startAt < 0) {
        ctx.sending.log.debug(`tour ${tourId} waits: step ${step} is on ${pages.get(step)}`)
        // Leaving the screen at once to what this page view makes due (createPrompter).
        release()
        return null
      }
    }
    const wire = (type: SondeEvent['type'], fields: Partial<SondeEvent> = {}) =>
      send({
        id: uuidv7(),
        type,
        at: new Date(Date.now()).toISOString(),
        tourId,
        tourVersion: tour.version,
        ...fields,
      })
    // Its first step put on screen in a tab the visitor has left (its code or its target came
    // after they switched tabs): the step it is on (-1: none), until the tab is seen. Only then
    // does the tour start, and is its step kept, as a survey is shown then (untilSeen); a tour
    // that ends unseen reports nothing, unless it was started on an earlier page. Once seen, a
    // step is reported as it shows, the tab hidden or not.
    let unseen = -1
    let seen = false
    // The step last put on screen.
    let at = 0
    const reached = (index: number) => {
      unseen = -1
      seen = true
      // The move that brought it here stays kept: the step's IndexedDB write may be lost with a
      // page replaced now (its advancing event tracked as the host leaves), and the next page
      // would go back to the step just done. Another step (resumed, Back) is stored as it shows.
      if (read<number[]>(mark)?.[1] !== index) keep(mark)
      pages.set(tour.steps[index]!.id, location.pathname)
      keep(paged, [...pages])
      ctx.record((s) => recordStep(s, 'tour', tourId, index, tour.steps[index]?.id))
      if (started) return
      started = true
      run = Date.now()
      ctx.record((s) => recordShown(s, 'tour', tourId, run!))
      wire('tour.started')
      ctx.sending.emitter.emit('tour:started', { tourId })
    }
    // The tab seen before the wait has looked (it looks on a timer): the step acted on was seen.
    const look = () => unseen >= 0 && !isHidden(win) && reached(unseen)
    const ended = () => {
      look()
      const quiet = unseen >= 0 && !started
      unseen = -1
      return quiet
    }
    const handle = ui.mountTour(tour, {
      locale: ctx.sending.locale,
      ...(ctx.sending.options.theme ? { theme: ctx.sending.options.theme } : {}),
      startAt: startAt ?? 0,
      onShow: ({ index }) => {
        at = index
        // Not on its pages: left while it waited for its first target (the presenter routes
        // nothing to it yet), or resumed by a full page load onto another page, which ends it
        // as a route change there would.
        if (left(location.href)) return queueMicrotask(() => handle.close('route'))
        if (seen || !isHidden(win)) reached(index)
        else unseen = index
      },
      onStep: ({ stepId, index, dwellMs, to }) => {
        // Passed unseen (its advancing event tracked in the hidden tab): the next step is kept
        // as the one it is on, when the tab is seen.
        look()
        if (unseen >= 0) return
        // Now, not once the next step shows: its target may be on the page a click on this one's
        // opens, and this page may be gone by then.
        if (to < tour.steps.length)
          ctx.record((s) => recordStep(s, 'tour', tourId, to, tour.steps[to]?.id))
        keep(mark, [index, to, run])
        wire('tour.step', { stepId, stepIndex: index, dwellMs: Math.round(dwellMs) })
        ctx.sending.emitter.emit('tour:step', { tourId, stepId, index, dwellMs })
      },
      onComplete: ({ dwellMs }) => {
        if (ended()) return
        keep(paged)
        ctx.record((s) => recordCompleted(s, 'tour', tourId, Date.now()))
        wire('tour.completed', { dwellMs: Math.round(dwellMs) })
        ctx.sending.emitter.emit('tour:completed', { tourId })
      },
      onDismiss: ({ stepId, index, reason }) => {
        // A team's mistyped selector, or an element its app renders elsewhere or late: the
        // visitor sees nothing, so debug says what was looked for.
        if (reason === 'missing_target')
          ctx.sending.log.debug(
            `tour ${tourId} ended: step ${stepId} found no ${tour.steps[index]?.target} shown`,
          )
        // Taken away by destroy(), which records and sends nothing from then on: no dismissal
        // either, told to no listener, and the tour resumes at its step after the next init().
        if (ended() || ctx.sending.runtime.destroyed) return
        keep(paged)
        // Kept for the next page of this tab at once, as a step moved on is: the dismissal's
        // IndexedDB write may be lost with a page replaced now.
        keep(mark, [index, -1, run])
        ctx.record((s) => recordDismissed(s, 'tour', tourId, Date.now()))
        wire('tour.dismissed', { stepId, stepIndex: index, reason })
        ctx.sending.emitter.emit('tour:dismissed', { tourId, stepId, reason })
      },
      onClose: release,
    })
    // A tour waits for its first target before it is ready: destroy must not wait with it.
    life.mounted(() => handle.close('api'))
    await handle.ready
    // Its step's event, tracked while the tour's code loaded or its target was awaited, when
    // nothing on screen could hear it: the visitor has done what the step asks.
    const event = tour.steps[at]?.advanceOn?.event
    const count = (state: typeof before) => state.eventCounts[event!] ?? 0
    if (event && count(ctx.sending.runtime.state) > count(before)) handle.signal(event)
    // Ended meanwhile (destroy, a route change), it waits no more.
    if (unseen >= 0) void untilSeen(win, () => unseen >= 0).then((seen) => seen && reached(unseen))
    return {
      close: (reason) => handle.close(reason),
      signal: (name) => handle.signal(name),
      route: (url) => {
        if (left(url)) handle.close('route')
      },
    }
  }
}
