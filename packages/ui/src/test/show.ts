import type { Survey } from '@sonde/core'
import { within } from '@testing-library/preact'
import { type MountOptions, mountSurvey, type SurveyHandle } from '../mountSurvey'
import type { AnswerEvent, CompleteEvent, DismissEvent } from '../session/types'

const open: SurveyHandle[] = []

/** Mounts a survey for a test, recording every callback; `closeAll` cleans up after each test. */
export function show(survey: Survey, options: Partial<MountOptions> = {}) {
  const answered: AnswerEvent[] = []
  const dismissed: DismissEvent[] = []
  const completed: CompleteEvent[] = []
  let closed = 0
  const handle = mountSurvey(survey, {
    locale: 'en',
    autoCloseMs: 0,
    onAnswer: (event) => answered.push(event),
    onDismiss: (event) => dismissed.push(event),
    onComplete: (event) => completed.push(event),
    onClose: () => {
      closed += 1
    },
    ...options,
  })
  open.push(handle)
  const shadow = handle.host.shadowRoot
  if (!shadow) throw new Error('expected an open shadow root')
  // Testing Library queries any node with querySelectorAll, a shadow root included.
  const ui = within(shadow as unknown as HTMLElement)
  return {
    handle,
    shadow,
    ui,
    answered,
    dismissed,
    completed,
    closed: () => closed,
  }
}

export function closeAll(): void {
  for (const handle of open.splice(0)) handle.close()
  document.body.replaceChildren()
}
