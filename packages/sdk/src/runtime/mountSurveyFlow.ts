import { type Answer, recordShown, type Survey } from '@sonde/core'
import { uuidv7 } from '../uuidv7'
import { buildSurveyEvent } from './buildEvent'
import type { SurveyUi } from './chunks'
import type { Mount } from './createPresenter'
import { createSend } from './createSend'
import type { FlowContext } from './flowContext'
import { pageOf } from './pageOf'
import { surveyOutcome } from './surveyOutcome'
import { untilSeen } from './untilSeen'

/**
 * Shows a survey and turns what the respondent does into wire events and `survey:*` events: one
 * `responseId` per showing, cumulative answers with an increasing `seq`, the score's metric on
 * completion, and the display history targeting reads next time.
 */
export function mountSurveyFlow(survey: Survey, ui: SurveyUi, ctx: FlowContext): Mount {
  return async (release, life) => {
    const { win, runtime } = ctx.sending
    const outcome = surveyOutcome(ctx, survey.id)
    // Answered or dismissed on a page left before its display history was stored: due here on a
    // history that did not know it, which now does (its frequency may still ask it again now).
    if (outcome.take(survey.frequency)) return null
    const send = createSend(ctx.sending)
    const response = { id: uuidv7(), seq: 0, answers: [] as Answer[] }
    const surveyId = survey.id
    const responseId = response.id
    // A survey held back by the page's modal dialog belongs to the page it was due on, as one
    // waiting out its delay does, and to the person it was due for (reset() makes a new one):
    // the presenter sees neither pending nor on screen, so both are read here.
    const { location } = win
    const href = pageOf(location.href)
    const { anonymousId } = runtime.state.user
    let left = false
    let shown = false
    const wire = (type: 'shown' | 'answered' | 'completed' | 'dismissed', reason?: string) => {
      const extra = { id: uuidv7(), at: new Date(Date.now()).toISOString() }
      const event = buildSurveyEvent(`survey.${type}`, survey, response, {
        ...extra,
        ...(reason ? { reason } : {}),
        withMetric: type !== 'shown',
      })
      send(event)
      return event
    }
    const handle = ui.mountSurvey(survey, {
      locale: ctx.sending.locale,
      ...(ctx.sending.options.theme ? { theme: ctx.sending.options.theme } : {}),
      onAnswer: ({ answers, seq }) => {
        // A receiver counts the response from its first answer (partial answers survive), so
        // for targeting it is complete then: left or closed before its end, it must not be
        // asked again as if unanswered, counting the same person twice.
        if (response.answers.length === 0) {
          outcome.done('completedAt')
        }
        Object.assign(response, { answers, seq })
        wire('answered')
        ctx.sending.emitter.emit('survey:answered', { surveyId, responseId, answers, seq })
      },
      onComplete: ({ answers, seq }) => {
        Object.assign(response, { answers, seq: seq + 1 })
        outcome.done('completedAt')
        const { metric } = wire('completed')
        ctx.sending.emitter.emit('survey:completed', { surveyId, responseId, answers, metric })
      },
      onDismiss: ({ answers, seq, reason }) => {
        // Closed (destroy) while it waited for the tab to be seen: never shown, not dismissed.
        // Nor is one on screen: destroy() records and sends nothing from then on.
        if (!shown || runtime.destroyed) return
        Object.assign(response, { answers, seq: seq + 1 })
        outcome.done('lastDismissedAt')
        wire('dismissed', reason)
        ctx.sending.emitter.emit('survey:dismissed', { surveyId, responseId, answers, reason })
      },
      onClose: () => {
        left = true
        release()
      },
      due: () => pageOf(location.href) === href && runtime.state.user.anonymousId === anonymousId,
    })
    life.mounted(() => handle.close())
    await handle.ready
    // Its code came after the visitor had left for another tab: it waits in the page to be seen.
    // Taken away before it was ready or seen (destroy, a route change): it was never shown.
    if (!(await untilSeen(win, () => life.active() && !left))) return null
    shown = true
    ctx.record((s) => recordShown(s, 'survey', surveyId, Date.now()))
    wire('shown')
    ctx.sending.emitter.emit('survey:shown', { surveyId, responseId })
    return handle
  }
}
