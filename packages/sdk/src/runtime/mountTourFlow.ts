import {
  matchUrl,
  recordCompleted,
  recordDismissed,
  recordShown,
  recordStep,
  type SondeEvent,
  type Tour,
} from '@sonde/core'
import { uuidv7 } from '../uuidv7'
import type { TourUi } from './chunks'
import type { Mount } from './createPresenter'
import { createSend } from './createSend'
import type { FlowContext } from './flowContext'

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
): Mount {
  return async (release, life) => {
    const send = createSend(ctx.sending)
    const tourId = tour.id
    let started = resumeAt !== undefined
    // A tour started by a page rule belongs to those pages: leaving them ends it (reason
    // 'route'); other tours pause on a missing target and go on when it returns.
    const rule = tour.trigger && 'page' in tour.trigger ? tour.trigger.page : undefined
    const left = (url: string) => !!rule && !matchUrl(rule, url)
    const { location } = ctx.sending.win
    const wire = (type: SondeEvent['type'], fields: Partial<SondeEvent> = {}) =>
      send({
        id: uuidv7(),
        type,
        at: new Date(Date.now()).toISOString(),
        tourId,
        tourVersion: tour.version,
        ...fields,
      })
    const handle = ui.mountTour(tour, {
      locale: ctx.sending.locale,
      ...(ctx.sending.options.theme ? { theme: ctx.sending.options.theme } : {}),
      startAt: resumeAt ?? 0,
      onShow: ({ index }) => {
        // Not on its pages: left while it waited for its first target (the presenter routes
        // nothing to it yet), or resumed by a full page load onto another page, which ends it
        // as a route change there would.
        if (left(location.href)) return queueMicrotask(() => handle.close('route'))
        ctx.record((s) => recordStep(s, 'tour', tourId, index))
        if (started) return
        started = true
        ctx.record((s) => recordShown(s, 'tour', tourId, Date.now()))
        wire('tour.started')
        ctx.sending.emitter.emit('tour:started', { tourId })
      },
      onStep: ({ stepId, index, dwellMs, to }) => {
        // Now, not once the next step shows: its target may be on the page a click on this one's
        // opens, and this page may be gone by then.
        if (to < tour.steps.length) ctx.record((s) => recordStep(s, 'tour', tourId, to))
        wire('tour.step', { stepId, stepIndex: index, dwellMs: Math.round(dwellMs) })
        ctx.sending.emitter.emit('tour:step', { tourId, stepId, index, dwellMs })
      },
      onComplete: ({ dwellMs }) => {
        ctx.record((s) => recordCompleted(s, 'tour', tourId, Date.now()))
        wire('tour.completed', { dwellMs: Math.round(dwellMs) })
        ctx.sending.emitter.emit('tour:completed', { tourId })
      },
      onDismiss: ({ stepId, index, reason }) => {
        ctx.record((s) => recordDismissed(s, 'tour', tourId, Date.now()))
        wire('tour.dismissed', { stepId, stepIndex: index, reason })
        ctx.sending.emitter.emit('tour:dismissed', { tourId, stepId, reason })
      },
      onClose: release,
    })
    // A tour waits for its first target before it is ready: destroy must not wait with it.
    life.mounted(() => handle.close('api'))
    await handle.ready
    return {
      close: (reason) => handle.close(reason),
      signal: (name) => handle.signal(name),
      route: (url) => {
        if (left(url)) handle.close('route')
      },
    }
  }
}
